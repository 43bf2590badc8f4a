"""Write the bundled playbook already decoded, as Swift values, so that coach skips YAML at start-up.

Called by scripts/embed-playbooks. The schema is read from Sources/CoachCore/Playbook/Playbook.swift
(struct names, stored properties, their types); YAML keys are the properties' snake_case forms and
dictionary keys stay as written, as in PlaybookLoader. Scalars follow Yams' rules for the forms the
bundled files use (plain whole numbers, plain decimals, plain true/false, plain empty/~/null for an
absent optional); anything else stops the script with the file:line:column so it is never guessed.
DefaultPlaybookTests checks that the result equals what PlaybookLoader makes of the YAML.
"""
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit("scripts/embed-playbooks needs PyYAML: pip install pyyaml")

LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # every scalar a string, no type guessing
NULLS = {"", "~", "null", "Null", "NULL"}
PROPERTY = re.compile(r"^  (?:public |internal )?(?:var|let) (\w+): (.+?)\s*$")


def schema(swift):
    """{struct: [(property, type)]} for every `Codable` struct in Playbook.swift, in declaration order."""
    if "CodingKeys" in swift or "init(from" in swift:
        sys.exit("Playbook.swift has custom CodingKeys or init(from:): teach scripts/embed-playbooks.d/predecode.py")
    structs, current = {}, None
    for line in swift.split("\n"):
        start = re.match(r"^public struct (\w+): Codable", line)
        if start:
            current = structs.setdefault(start.group(1), [])
        elif line == "}":
            current = None
        elif current is not None:
            prop = PROPERTY.match(line)
            if prop and "{" not in prop.group(2):
                if "=" in prop.group(2):
                    sys.exit(f"Playbook.swift: {line.strip()}: default values are not supported by predecode.py")
                current.append((prop.group(1), prop.group(2)))
    return structs


def snake(name):
    """followUpDays -> follow_up_days; runningCostPer100km -> running_cost_per_100km (as String.snakeCased)."""
    out, previous = "", ""
    for ch in name:
        if ch.isupper():
            out += ("_" if out else "") + ch.lower()
        elif ch.isdigit() and previous.isalpha():
            out += "_" + ch
        else:
            out += ch
        previous = ch
    return out


def swift_string(text):
    out = []
    for ch in text:
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F or 0x80 <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


class Emitter:
    def __init__(self, structs, path):
        self.structs = structs
        self.path = path

    def fail(self, node, message):
        mark = node.start_mark
        sys.exit(f"{self.path}:{mark.line + 1}:{mark.column + 1}: {message}")

    def plain(self, node):
        return not node.style  # None from BaseLoader, "" from CBaseLoader

    def is_null(self, node):
        return isinstance(node, yaml.ScalarNode) and self.plain(node) and node.value in NULLS

    def scalar(self, node, what):
        if not isinstance(node, yaml.ScalarNode) or self.is_null(node):
            self.fail(node, f"expected {what}")
        return node.value

    def pairs(self, node):
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, "expected key: value lines")
        seen, out = set(), []
        for key, value in node.value:
            name = self.scalar(key, "a text key")
            if name in seen:
                self.fail(key, f"key `{name}` written twice")
            seen.add(name)
            out.append((name, value))
        return out

    def value(self, node, type_, indent):
        """Swift source for `node` decoded as `type_`."""
        pad = "  " * (indent + 1)
        if type_.endswith("?"):
            return "nil" if self.is_null(node) else self.value(node, type_[:-1], indent)
        dictionary = re.fullmatch(r"\[String: (.+)\]", type_)
        if dictionary:
            items = [f"{pad}{swift_string(k)}: {self.value(v, dictionary.group(1), indent + 1)}," for k, v in self.pairs(node)]
            return "[\n" + "\n".join(items) + "\n" + "  " * indent + "]" if items else "[:]"
        if type_.startswith("[") and type_.endswith("]"):
            if not isinstance(node, yaml.SequenceNode):
                self.fail(node, "expected a list")
            items = [f"{pad}{self.value(v, type_[1:-1], indent + 1)}," for v in node.value]
            return "[\n" + "\n".join(items) + "\n" + "  " * indent + "]" if items else "[]"
        if type_ == "String":
            return swift_string(self.scalar(node, "text"))
        if type_ == "Int":
            text = self.scalar(node, "a whole number")
            if not self.plain(node) or not re.fullmatch(r"-?(0|[1-9][0-9]*)", text):
                self.fail(node, f"`{text}`: write a plain whole number")
            return text
        if type_ == "Double":
            text = self.scalar(node, "a number")
            if not self.plain(node) or not re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?", text):
                self.fail(node, f"`{text}`: write a plain number such as 0.8")
            return repr(float(text))
        if type_ == "Bool":
            text = self.scalar(node, "true or false")
            if not self.plain(node) or text not in ("true", "false"):
                self.fail(node, f"`{text}`: write true or false")
            return text
        if type_ in self.structs:
            return self.struct(node, type_, indent)
        sys.exit(f"predecode.py: unsupported type {type_} in Playbook.swift")

    def struct(self, node, name, indent):
        given = dict(self.pairs(node))  # unknown keys are ignored, as PlaybookLoader does (lint warns)
        pad = "  " * (indent + 1)
        args = []
        for prop, type_ in self.structs[name]:
            child = given.get(snake(prop))
            if child is None and not type_.endswith("?"):
                self.fail(node, f"missing key `{snake(prop)}`")
            source = "nil" if child is None else self.value(child, type_, indent + 1)
            args.append(f"{pad}{prop}: {source}")
        return f"{name}(\n" + ",\n".join(args) + "\n" + "  " * indent + ")"


def section(structs, path, text, key, type_):
    """Swift source for the section `key` of one file."""
    root = yaml.compose(text, Loader=LOADER)
    emitter = Emitter(structs, path)
    body = dict(emitter.pairs(root)).get(key) if root is not None else None
    if body is None:
        sys.exit(f"{path}: expected the top-level key `{key}:`")
    return emitter.value(body, type_, 2)


def type_name(language):
    """zh-CN -> DecodedPlaybookZhCN."""
    return "DecodedPlaybook" + "".join(p[:1].upper() + p[1:] for p in re.split(r"[^A-Za-z0-9]+", language) if p)


def generate(playbook_swift, entries):
    """The Swift file for `entries` [(path like zh-CN/models.yaml, text)]."""
    structs = schema(playbook_swift)
    sections = [(prop, type_) for prop, type_ in structs["Playbook"] if prop != "language"]
    texts = dict(entries)
    languages = sorted({path.split("/")[0] for path, _ in entries})
    out = [
        "// swift-format-ignore-file",
        "// Generated by scripts/embed-playbooks from playbooks/zh-CN and playbooks/en. Do not edit.",
        "// The bundled playbook decoded ahead of time, so start-up parses no YAML;",
        "// DefaultPlaybookTests checks that it equals what PlaybookLoader makes of the embedded YAML.",
        "",
        "extension DefaultPlaybook {",
        "  /// Languages of the bundled playbook, sorted.",
        "  static let generatedLanguages = [" + ", ".join(swift_string(l) for l in languages) + "]",
        "",
        "  /// The bundled playbook in `language`, decoded ahead of time; nil for a language not bundled.",
        "  static func generatedPlaybook(_ language: String) -> Playbook? {",
        "    switch language {",
    ]
    out += [f"    case {swift_string(l)}: return {type_name(l)}.playbook" for l in languages]
    out += ["    default: return nil", "    }", "  }", "}"]
    for lang in languages:
        out += [
            "",
            f"/// The bundled `{lang}` playbook.",
            f"enum {type_name(lang)} {{",
            f"  static let playbook = Playbook(",
            f"    language: {swift_string(lang)},",
            *[f"    {prop}: {prop}()" + ("," if i + 1 < len(sections) else ")") for i, (prop, _) in enumerate(sections)],
        ]
        for prop, type_ in sections:
            path = next((p for p in (f"{lang}/{prop}.yaml", f"{lang}/{prop}.yml") if p in texts), None)
            if path is None and type_.endswith("?"):
                out += ["", f"  static func {prop}() -> {type_} {{", "    nil", "  }"]  # an optional section file
                continue
            if path is None:
                sys.exit(f"playbooks/{lang}/{prop}.yaml is missing")
            out += ["", f"  static func {prop}() -> {type_} {{", "    " + section(structs, path, texts[path], prop, type_), "  }"]
        out.append("}")
    return "\n".join(out) + "\n"
