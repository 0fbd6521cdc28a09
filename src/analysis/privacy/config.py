"""data/privacy.yml: the deny-list and the few exceptions, validated before anything runs.

Every entry is checked on its own, so an error names the line of the bad entry
(``load_yaml_model`` maps pydantic's location to the YAML line)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ..registries import load_yaml_model

MIN_NAME = 3  # a shorter deny-list entry would match inside ordinary words


def _clean(value: str) -> str:
    return " ".join(str(value).split())


def _name(value: str) -> str:
    clean = _clean(value)
    if not clean:
        raise ValueError("empty name: it would match everywhere")
    if len(clean.replace(" ", "")) < MIN_NAME:
        raise ValueError(f"name {clean!r} is shorter than {MIN_NAME} letters: it would match inside ordinary words")
    return clean


def _word(value: str) -> str:
    clean = _clean(value)
    if not clean:
        raise ValueError("empty entry")
    return clean


Name = Annotated[str, AfterValidator(_name)]
Word = Annotated[str, AfterValidator(_word)]


class Toegestaan(BaseModel):
    """A text that a detector mistakes for personal data, with the reason it is not."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    tekst: Annotated[str, AfterValidator(_name)]
    reden: str = Field(min_length=10)


class PrivacyConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    namen: list[Name] = Field(default_factory=list)
    titels: list[Word] = Field(min_length=1)
    straattypen: list[Word] = Field(min_length=1)
    toegestaan: list[Toegestaan] = Field(default_factory=list)


def load_config(path: Path) -> PrivacyConfig:
    """Parse and validate privacy.yml; a problem is a RegistryError with the file and line."""
    return load_yaml_model(Path(path), PrivacyConfig)
