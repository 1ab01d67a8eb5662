"""assets/: the desktop entry starts the installed `mnn-studio` command with the application icon,
and pyproject installs both where desktops look for them."""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET

from studio.core.resources import app_icon_path
from tests.support.paths import REPO_ROOT

ASSETS = REPO_ROOT / "assets"


def test_desktop_entry_names_the_command_and_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ASSETS / "mnn-studio.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    assert desktop["Exec"].split()[0] == desktop["TryExec"] == "mnn-studio"
    assert "mnn-studio" in project["project"]["scripts"]
    assert desktop["Icon"] == "mnn-studio" and desktop["Categories"].endswith(";")
    icon = app_icon_path()
    assert icon == ASSETS / "mnn-studio.svg"
    assert ET.parse(icon).getroot().tag.endswith("svg")
    data_files = project["tool"]["setuptools"]["data-files"]
    assert data_files["share/applications"] == ["assets/mnn-studio.desktop"]
    assert data_files["share/icons/hicolor/scalable/apps"] == ["assets/mnn-studio.svg"]
