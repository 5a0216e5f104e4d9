"""The YAML reader keeps nothing of a file once it has read it."""

from __future__ import annotations

import gc
import weakref
from typing import Any

import pytest
import yaml

from game.scenario import yamlread
from game.scenario.diagnostics import Report


def _nodes(node: yaml.Node) -> list[yaml.Node]:
    out = [node]
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            out += _nodes(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out += _nodes(key) + _nodes(value)
    return out


def test_no_node_of_a_read_file_outlives_the_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # A constructor shared by the process once kept every scalar node it had built, so memory
    # grew with each load (about 550 KiB per load of the campaign scenario).
    refs: list[weakref.ref[yaml.Node]] = []
    compose = yaml.compose

    def recording(text: str, Loader: Any) -> yaml.Node | None:
        node = compose(text, Loader=Loader)
        if node is not None:
            refs.extend(weakref.ref(n) for n in _nodes(node))
        return node

    monkeypatch.setattr(yaml, "compose", recording)
    text = b"a: 1\nb: [2.5, yes, null, text]\nc: {d: 2017-12-21, e: '7'}\n"
    value = yamlread.parse_yaml(text, Report("t.yaml"))
    assert value == {"a": 1, "b": [2.5, True, None, "text"], "c": {"d": "2017-12-21", "e": "7"}}
    assert len(refs) == 15  # 3 mappings and sequences, 12 scalars
    gc.collect()
    assert [r() for r in refs if r() is not None] == []
