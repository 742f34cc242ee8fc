"""The calibration sweep's configurations and their round trip to the retriever's settings."""

from __future__ import annotations

from eval.calibrate import RRF_KS, Config, _config
from index.retrieval import FusionSettings


def test_the_default_fusion_is_a_configuration_the_sweep_scores():
    base = _config(FusionSettings())
    assert base == Config("rrf", 0.4, 60, 0.35, 0.0, FusionSettings().rrf_k)
    assert base.rrf_k in RRF_KS


def test_relative_fusion_has_no_rrf_constant_to_sweep():
    assert _config(FusionSettings(mode="relative", rrf_k=10)).rrf_k == 60
    assert str(Config("rrf", 0.4, 60, 0.35, rrf_k=10)).startswith("rrf k=10")
    assert str(Config("relative", 0.4, 60, 0.35)).startswith("relative ")
