"""The kinds of value a data file can hold, as checkers that report every problem with its line
and column: text, numbers, lists, mappings, objects with known keys. game.scenario.spec builds the
scenario format from them; game.scenario.schema turns the same objects into a JSON Schema.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from game.safetext import describe, first_control
from game.scenario.diagnostics import Mark, Report
from game.scenario.yamlread import AmbiguousNumber, BareNumber, HugeNumber, YMap, YSeq, yaml_readings

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class Spec:
    doc: str = ""

    def check(self, value: Any, mark: Mark, report: Report) -> Any:
        """The value if it fits (with defaults filled in), else None after reporting why."""
        raise NotImplementedError


@dataclass
class Str(Spec):
    doc: str = ""
    choices: tuple[str, ...] = ()
    ident: bool = False
    line: bool = False  # one line: a name, a label, a title (no line break or tab inside)

    def check(self, value: Any, mark: Mark, report: Report) -> Any:
        if value is None or isinstance(value, YMap | YSeq):
            report.error(mark, f"expected {self.describe()}, found {kind_of(value)}")
            return None
        text = str(value).lower() if isinstance(value, bool) else str(value)
        if self.line:
            text = text.rstrip("\n")  # a folded block (`name: >`) ends in a line break
            at = first_control(text, one_line=True)
            if at is not None and text[at] in "\t\n":
                # (other control characters are refused by the reader, at their own position)
                report.error(mark, f"{describe(text[at])} in one line of text: names, labels and titles are one line")
                return None
        if self.choices and text not in self.choices:
            hint = close(text, self.choices)
            report.error(mark, f"{text!r} is not one of {', '.join(self.choices)}{hint}")
            return None
        if self.ident and not ID_PATTERN.match(text):
            report.error(mark, f"{text!r} is not a valid id: use lower-case letters, digits, '_' and '-'")
            return None
        if not text.strip():
            report.error(mark, "expected some text, found an empty string")
            return None
        return text

    def describe(self) -> str:
        if self.ident:
            return "an id"
        return "one of " + ", ".join(self.choices) if self.choices else "text"


@dataclass
class Num(Spec):
    doc: str = ""
    low: float | None = None
    high: float | None = None
    integer: bool = False
    # a whole number out of 100 (a percent, a change of trust or support, hundredths of utility):
    # a fraction such as -0.03 is most likely the same number written on a scale of 1, and the
    # error says how to write it
    out_of_100: bool = False

    def check(self, value: Any, mark: Mark, report: Report) -> Any:
        if isinstance(value, AmbiguousNumber):
            report.error(mark, _ambiguous_number(str(value)))
            return None
        if isinstance(value, HugeNumber):  # more digits than int() takes: outside every range here
            report.error(mark, f"a number of {value.digits} digits is out of range: expected {self.range_text()}")
            return None
        written = str(value)  # as the file has it: 1e308 made a whole number of 309 digits
        if isinstance(value, BareNumber):  # 1.5e2: a number, as YAML 1.2 reads it (4e0 a whole one)
            value = float(value)
            if self.integer and value.is_integer():
                value = int(value)
        ok = isinstance(value, int) if self.integer else isinstance(value, int | float)
        if isinstance(value, bool) or not ok:
            hint = ""
            hundredths = round(100 * value, 9) if isinstance(value, float) else None
            if self.out_of_100 and hundredths is not None and -100 <= hundredths <= 100 and hundredths.is_integer():
                hint = f" (the scale here is 0 to 100: write {int(hundredths)} for {value})"
            report.error(
                mark, f"expected {'a whole number' if self.integer else 'a number'}, found {kind_of(value)}{hint}"
            )
            return None
        if value != value:  # NaN
            report.error(mark, "expected a number, found .nan")
            return None
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            report.error(
                mark, f"{written if isinstance(value, int) else value} is out of range: expected {self.range_text()}"
            )
            return None
        return value

    def range_text(self) -> str:
        if self.low is not None and self.high is not None:
            return f"{fmt(self.low)}..{fmt(self.high)}"
        if self.low is not None:
            return f"at least {fmt(self.low)}"
        return f"at most {fmt(self.high)}" if self.high is not None else "a number"


def _ambiguous_number(text: str) -> str:
    """Why a bare number YAML 1.1 and YAML 1.2 may read differently is refused, and what to write."""
    if len(text) > 40:
        # no value of the format is a number this long, and Python converts at most 4,300 digits:
        # reading it both ways raised (a reviewer's 5,000 digits after a leading zero)
        return (
            f"a bare number of {len(text)} characters ({text[:12]}…), which YAML 1.1 and YAML 1.2 read "
            "differently: write a number in range, plainly"
        )
    old, new = yaml_readings(text)
    octal = text.lstrip("+-")[:1] == "0" and text.lstrip("+-")[1:2].isdigit()  # a leading zero
    editor = "YAML 1.2 (and your editor)"
    if old is not None and old == new:  # 06: octal 6 and decimal 6
        return (
            f"{text!r} has a leading zero: YAML 1.1 reads it as octal, {editor} as decimal; both read "
            f"{fmt(old)} here, but 010 is 8 to one and 10 to the other: write {fmt(old)}"
        )
    why = " (a leading zero makes a number octal to it, and octal has no 8 or 9)" if octal else ""
    said_old = f"text to YAML 1.1{why}" if old is None else f"{fmt(old)} to YAML 1.1{' (octal)' if octal else ''}"
    said_new = f"text to {editor}" if new is None else f"{fmt(new)} to {editor}"
    plain = new if new is not None else old
    if old is not None and new is not None:  # 010: octal 8, or ten
        fix = f"write the number you mean plainly ({fmt(new)}, or {fmt(old)})"
    else:
        fix = f"write {fmt(plain)}" if plain is not None else "write it plainly"
    return f"{text!r} is {said_old} and {said_new}: {fix}"


@dataclass
class Version(Num):
    """The version of a file's format: a whole number from `low` to `high`, the versions this game
    reads. One outside them is said so in words ("2 is out of range: expected 1..1" told an author
    nothing of versions)."""

    what: str = "format"

    def check(self, value: Any, mark: Mark, report: Report) -> Any:
        low, high = self.low, self.high
        whole = isinstance(value, int) and not isinstance(value, bool)
        if whole and low is not None and high is not None and not low <= value <= high:
            known = f"{self.what} {fmt(low)} only" if low == high else f"{self.what}s {fmt(low)} to {fmt(high)}"
            newer = " (a file written for a newer version of Peace Talks?)" if value > high else ""
            report.error(mark, f"{self.what} {value} is not one this game reads: it reads {known}{newer}")
            return None
        return super().check(value, mark, report)


@dataclass
class Bool(Spec):
    doc: str = ""

    def check(self, value: Any, mark: Mark, report: Report) -> Any:
        if not isinstance(value, bool):
            report.error(mark, f"expected true or false, found {kind_of(value)}")
            return None
        return value


@dataclass
class ListOf(Spec):
    item: Spec
    doc: str = ""
    min_items: int = 0
    max_items: int | None = None  # a bound on the work a file can ask for (issue 14)

    def check(self, value: Any, mark: Mark, report: Report, key: str = "") -> Any:
        """`key`: the key the list is written under, named in the message of a list too short
        (an author read "expected at least 1 item" at `when: []` without knowing of what)."""
        if not isinstance(value, YSeq):
            report.error(mark, f"expected a list, found {kind_of(value)}")
            return None
        if len(value) < self.min_items:
            whose = f"{key!r} needs" if key else "expected"
            report.error(mark, f"{whose} at least {self.min_items} item{'s' if self.min_items > 1 else ''}")
        if self.max_items is not None and len(value) > self.max_items:
            report.error(mark, f"{len(value)} items: at most {self.max_items} are allowed here")
            return None
        out = YSeq(value.mark)
        for i, item in enumerate(value):
            checked = self.item.check(written(self.item, value, i, item), value.at(i), report)
            if checked is not None:
                out.append(checked)
                out.marks.append(value.at(i))
            else:
                out.faulted = True  # refused with its own error
                out.rejected.append(item)
        out.faulted = out.faulted or len(value) < self.min_items
        out.written = len(value)
        return out


@dataclass
class MapOf(Spec):
    """A mapping whose keys are ids the author chooses (issue ids, option ids...)."""

    value: Spec
    doc: str = ""

    def check(self, value: Any, mark: Mark, report: Report) -> Any:
        if not isinstance(value, YMap):
            report.error(mark, f"expected a mapping, found {kind_of(value)}")
            return None
        each = report
        if (said := _out_of_100(self.value, value)) is not None:
            report.error(mark, said)
            # the numbers above 1 are refused as before, each without an error of its own; the
            # keys are still read (an option misspelt among them is a mistake of its own)
            each = Report(report.path)
        out = YMap(value.mark)
        for key, item in value.items():
            checked = self.value.check(written(self.value, value, key, item), value.at(key), each)
            out.key_marks[key] = value.key_at(key)
            if checked is not None:
                out[key] = checked
                out.value_marks[key] = value.at(key)
            else:
                out.refused.add(key)  # refused with a reason (nothing, too, is reported), as in Obj
        return out


def _out_of_100(spec: Spec, value: YMap) -> str | None:
    """Why a mapping of numbers on a scale of 0 to 1 (an option's values) is refused as a whole,
    where it looks written out of 100 (`{none: 0, phased: 35, on_signing: 100}`: every number
    from 0 to 100, some above 1 and one above 10, none a fraction below 1): one mistake, one error, where each
    number above 1 was an error of its own that never named the scale."""
    if not (isinstance(spec, Num) and spec.low == 0 and spec.high == 1):
        return None
    numbers = [x for x in value.values() if isinstance(x, int | float) and not isinstance(x, bool)]
    if not numbers or len(numbers) < len(value) or not all(0 <= x <= 100 for x in numbers):
        return None
    over = [x for x in numbers if x > 1]
    if not over or any(0 < x < 1 for x in numbers):  # (0.3 beside 5: a slip, not a scale)
        return None
    # Out of 100 only where one number is above 10: values out of 100 run up toward 100 (the best
    # option's near it), where numbers of 10 or less read as well as a ranking (`{a: 0, b: 1, c: 2}`)
    # or a score out of 5 or 10, for which "write 0.02 for 2" misleads (a reviewer's); those are
    # each out of range, as any number above 1 is.
    if max(over) <= 10:
        return None
    said = ", ".join(fmt(x) for x in over[:-1]) + f" and {fmt(over[-1])}" if len(over) > 1 else fmt(over[0])
    return (
        f"{said} {'are' if len(over) > 1 else 'is'} out of range: expected 0..1 (these values look written out of "
        f"100: the scale here is 0 to 1, so write {fmt(round(over[0] / 100, 9))} for {fmt(over[0])})"
    )


@dataclass
class Field:
    spec: Spec
    required: bool = False
    default: Any = None


# the most keys an "unknown key" error lists (a delegation's 18 are; the 32 of `rules` are not)
MAX_KEYS_LISTED = 20


@dataclass
class Obj(Spec):
    fields: dict[str, Field]
    doc: str = ""
    what: str = "this mapping"
    partial: bool = False

    def check(self, value: Any, mark: Mark, report: Report) -> Any:
        if not isinstance(value, YMap):
            report.error(mark, f"expected a mapping, found {kind_of(value)}")
            return None
        out = YMap(value.mark)
        complete = True
        # required keys an unknown key is a likely misspelling of: "unknown key 'reservaton' (did
        # you mean 'reservation'?)" says it all, and "missing the required key 'reservation'",
        # on the mapping's first line, came first and read as a second fault
        meant = set()
        moved: dict[str, list[str]] = {}  # a key of this object -> the keys that look moved out of it
        cut: str | None = None  # the key just before, where it read as the rest of a text after a comma
        for key in value:
            before, cut = cut, None
            if key not in self.fields and (owner := self._owner(key, value)):
                name, item = owner
                moved.setdefault(name, []).append(key)
                under = (
                    f"its {item.what.split()[-1]} in {name!r}"
                    if isinstance(self.fields[name].spec, ListOf)
                    else repr(name)
                )
                report.error(
                    value.key_at(key),
                    f"{key!r} looks mis-indented: it is a key of {item.what}, not of {self.what}; indent it under {under}",
                )
            elif key not in self.fields:
                match = closest(key, self.fields)
                if match:
                    meant.add(match)
                hint = close(key, self.fields)
                if not hint and value[key] is None:
                    cut = key
                    if before is not None and value.key_at(before)[0] == value.key_at(key)[0]:
                        # {label: 3.67%, 10,000 centrifuges, 8-year limits}: one text cut at each
                        # comma, one mistake, said at its first piece (three errors, each telling
                        # to quote it, read as three mistakes)
                        continue
                    # {id: x, label: A, B}: the comma ended the label, and B became a key of its own
                    hint = (
                        " (a key with no value: if it is the rest of a text after a comma inside {...}, "
                        'put that text in quotes: label: "A, B")'
                    )
                report.error(value.key_at(key), f"unknown key {key!r} in {self.what}{hint or self._keys()}")
        for name, fld in self.fields.items():
            if name not in value or (value[name] is None and fld.required):
                if name in value.refused:
                    out.refused.add(name)
                if fld.required:
                    complete = False
                    # (a refused value was reported as such, a misspelt key as unknown)
                    if name not in getattr(value, "refused", ()) and name not in meant:
                        report.error(value.mark, f"{self.what} is missing the required key {name!r}")
                elif fld.default is not None:
                    out[name] = fld.default
                continue
            if value[name] is None:
                if name in value.refused:
                    out.refused.add(name)
                continue  # an optional key written with no value: same as leaving it out
            given = written(fld.spec, value, name, value[name])
            if isinstance(fld.spec, MapOf) and isinstance(given, YMap):
                given = self._indented_in(name, fld.spec, given, report)
            said = len(report.items)
            if isinstance(fld.spec, ListOf):
                checked = fld.spec.check(given, value.at(name), report, key=name)
            else:
                checked = fld.spec.check(given, value.at(name), report)
            if name in moved:
                _not_missing(report, said, given, moved[name])
            if checked is not None:
                out[name] = checked
                out.key_marks[name] = value.key_at(name)
                out.value_marks[name] = value.at(name)
            else:
                # given, and refused with a reason: later checks must not read it as left out
                out.refused.add(name)
                out.rejected[name] = given
                if fld.required:
                    complete = False
        return out if complete or self.partial else None

    def _keys(self) -> str:
        """The keys this object takes, for an unknown key close to none of them: "unknown key
        'deadline' in a venue" left an author to look the venue's keys up. A long list (the 32
        of `rules`) is not spelt out in one line; the format's tables give it."""
        if len(self.fields) > MAX_KEYS_LISTED:
            return f" ({self.what} takes {len(self.fields)} keys, none close to it: docs/SCENARIOS.md lists them)"
        return f" (the keys of {self.what} are {', '.join(self.fields)})"

    def _owner(self, key: str, value: YMap) -> tuple[str, Obj] | None:
        """Where an unknown `key` of this object is a key of the object written under the known
        key before it, or of that list's objects (a venue's `random_events` moved out to the
        scenario's column 1, after `venues:`), that key and the spec of its objects."""
        line = value.key_at(key)[0]
        before = [k for k in value if k in self.fields and value.key_at(k)[0] < line]
        if not before:
            return None
        name = max(before, key=lambda k: value.key_at(k))
        spec = self.fields[name].spec
        item = spec.item if isinstance(spec, ListOf) else spec
        return (name, item) if isinstance(item, Obj) and key in item.fields else None

    def _indented_in(self, name: str, spec: MapOf, inner: YMap, report: Report) -> YMap:
        """`inner`, the mapping of ids under this object's key `name`, without the keys that look
        mis-indented, each reported once: a key of this object (`red_lines` indented under
        `preferences`) or of the entries themselves (`weight` beside the issues, not under one),
        whose value is no entry's. They were checked as entries: "unknown key 'justice' in a
        preference" and "a preference is missing the required key 'values'", never a word of
        the indentation."""
        kind = spec.doc.split(" -> ")[0] if " -> " in spec.doc else ""  # "issue", "delegation"
        entry = f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}" if kind else "an entry"
        own = spec.value.fields if isinstance(spec.value, Obj) else {}
        wrong = []
        for key, item in inner.items():
            if key in self.fields:
                where = f"it is a key of {self.what}, not {entry}; indent it as far as {name!r}"
            elif key in own and isinstance(spec.value, Obj):
                where = f"it is a key of {spec.value.what}, not {entry}; indent it under its {kind or 'entry'}"
            else:
                continue
            scratch = Report("")
            if item is not None and spec.value.check(item, inner.at(key), scratch) is not None and not scratch.errors:
                continue  # a true entry that happens to be called so
            report.error(inner.key_at(key), f"{key!r} under {name!r} looks mis-indented: {where}")
            wrong.append(key)
        if not wrong:
            return inner
        kept = YMap(inner.mark)
        for key, item in inner.items():
            if key not in wrong:
                kept[key] = item
        for attr in ("key_marks", "value_marks", "raw"):
            getattr(kept, attr).update({k: v for k, v in getattr(inner, attr).items() if k not in wrong})
        kept.refused.update(k for k in inner.refused if k not in wrong)
        return kept


def _not_missing(report: Report, said: int, given: Any, keys: list[str]) -> None:
    """Take back, of the diagnostics from `said` on, the missing required `keys` of the object
    under `given` (of its last item, for a list) that they look moved out of: the mis-indented
    key was reported, and it is one mistake."""
    last = given[-1] if isinstance(given, YSeq) and given else given
    if not isinstance(last, YMap):
        return
    ends = tuple(f" is missing the required key {k!r}" for k in keys)
    report.items[said:] = [
        d for d in report.items[said:] if not (d.message.endswith(ends) and (d.line, d.column) == last.mark)
    ]


@dataclass
class OneKey(Spec):
    """A mapping with exactly one key, naming which kind of thing it is: {momentum: -5}."""

    kinds: dict[str, Spec] = field(default_factory=dict)
    doc: str = ""
    what: str = "effect"  # what one of these is called in messages

    def check(self, value: Any, mark: Mark, report: Report) -> Any:
        if not isinstance(value, YMap) or len(value) != 1:
            report.error(mark, f"expected a mapping with one key, one of: {', '.join(self.kinds)}")
            return None
        (key,) = value.keys()
        if key not in self.kinds:
            report.error(value.key_at(key), f"unknown {self.what} {key!r}{close(key, self.kinds)}")
            return None
        checked = self.kinds[key].check(written(self.kinds[key], value, key, value[key]), value.at(key), report)
        if checked is None:
            return None
        out = YMap(value.mark)
        out[key] = checked
        out.key_marks[key] = value.key_at(key)
        out.value_marks[key] = value.at(key)
        return out


def written(spec: Spec, container: YMap | YSeq, key: Any, value: Any) -> Any:
    """The value to check against `spec`: where a text is expected and YAML read a bare value as
    a number or true/false, the text as the author wrote it (`label: No`, `title: 010`)."""
    if isinstance(spec, Str):
        raw: str | None = container.raw.get(key)
        if raw is not None:
            return raw
    return value


def kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YSeq):
        return "a list"
    if isinstance(value, HugeNumber):
        return f"a number of {value.digits} digits"
    if isinstance(value, int | float):
        return f"the number {value}"
    return f"the text {value!r}"


def closest(word: str, choices: Any) -> str | None:
    """The choice `word` is most likely a misspelling of, if any is close."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


def close(word: str, choices: Any) -> str:
    match = closest(word, choices)
    return f" (did you mean {match!r}?)" if match else ""


def fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
