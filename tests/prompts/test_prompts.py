import string

import pytest

import prompts

REQUIRED = {"system", "answer", "passage", "condense", "refusal", "lead_in", "empty_index", "privacy_warning", "error"}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_templates_the_code_uses_exist():
    assert set(prompts.names()) >= REQUIRED


@pytest.mark.parametrize("name", prompts.names())
def test_every_template_renders_in_danish(name):
    template = prompts.load(name)
    values = {field: f"<{field}>" for field in fields(template)}
    text = prompts.render(name, **values)
    assert text.strip()
    assert all(f"<{field}>" in text for field in values)
    assert not fields(text)  # no placeholder left unfilled


def test_an_unknown_template_is_an_error():
    with pytest.raises(FileNotFoundError):
        prompts.load("findes_ikke")
