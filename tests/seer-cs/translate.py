#!/usr/bin/env python3
"""Translates SEER's Collaborative Stage (CS) integration test records into lmsstage check cases.

SEER publishes, with its staging engine (github.com/imsweb/staging-client-java, BSD licence), CS
integration test records: src/test/resources/cs/integration/schemas/<schema>.gz, one record a line,
80 comma-separated fields (the layout of src/test/java/com/imsweb/staging/cs/IntegrationUtils.java):
the CS inputs (primary site, histology, behaviour, CS Tumor Size, CS Extension, CS Lymph Nodes,
CS Mets at DX, site-specific factors 1-25) and the outputs CS derives, among them the AJCC 7th
edition T, N, M and stage group.

This script reads the records of the sarcoma schemas lmsstage stages (the seven GIST schemas,
Retroperitoneum, Peritoneum, HeartMediastinum, CorpusAdenosarcoma), translates each CS input code
into the clinical finding it stands for, as the schema's own code tables (the CS algorithm in
src/test/resources/algorithms/cs-02.05.50.zip) define it, and writes one lmsstage case per distinct
set of lmsstage inputs, expecting SEER's AJCC 7 stage group and T, N and M categories:

  cases.ndjson.gz       every case whose SEER stage lmsstage is expected to give
  convention.ndjson.gz  the cases where lmsstage's documented unknown-nodes convention gives a
                        stage SEER does not (AJCC 7 soft tissue, nodes unknown: lmsstage stages NX
                        as every N and gives the stage they share; CS gives stage unknown); they
                        expect lmsstage's stage, taken from the CS stage table with N0 and N1
  refused.ndjson.gz     the cases whose histology lmsstage's histology table (data/histology.csv)
                        does not stage there, though CS's inclusion ranges take it mechanically
                        (the AJCC chapters' named exclusions such as DFSP, and the non-sarcomas such
                        as mesothelioma or carcinosarcoma inside those ranges); they expect the
                        refusal, an error on histology, with the table's reason in their source

Records a translation cannot express are counted by reason and reported, not written.

Usage:
  translate.py CHECKOUT [--out DIR] [--families]

CHECKOUT is a checkout of imsweb/staging-client-java (its work tree). --families writes the
histology as the family word lmsstage has always accepted (lms, gist, adenosarcoma) instead of the
ICD-O-3 code (8890/3). Python 3 standard library only.
"""

import argparse
import collections
import gzip
import json
import os
import sys
import zipfile

HISTOLOGY_CSV = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "histology.csv")
SCHEMA_DIR = os.path.join("src", "test", "resources", "cs", "integration", "schemas")
ALGORITHM_ZIP = os.path.join("src", "test", "resources", "algorithms", "cs-02.05.50.zip")

# Record layout (IntegrationUtils.processSchema).
SITE, HIST, YEAR, VERSION, BEHAVIOR, GRADE, AGE, LVI = range(8)
SIZE, EXT, EXT_EVAL, NODES, NODES_EVAL, NODES_POS, NODES_EXAM, METS, METS_EVAL = range(8, 17)
AJCC7_T, AJCC7_N, AJCC7_M, AJCC7_STAGE = 49, 51, 53, 55
FIELDS = 80


def ssf(n):
    """The column of CS Site-Specific Factor n."""
    return 16 + n


# The schemas lmsstage stages, and how each is read. kind: gist, sts (AJCC 7 soft tissue chapter)
# or adenosarcoma. gi_site: the AJCC 7 GIST table's organ (the appendix is staged with the
# intestinal table, as CS does); None: from SSF10 (GISTPeritoneum's Location of Primary Tumor).
SCHEMAS = {
    "gist_stomach": {"kind": "gist", "gi_site": "stomach", "mitotic": 6},
    "gist_esophagus": {"kind": "gist", "gi_site": "esophagus", "mitotic": 6},
    "gist_small_intestine": {"kind": "gist", "gi_site": "small-intestine", "mitotic": 6},
    "gist_appendix": {"kind": "gist", "gi_site": "colorectum", "mitotic": 11},
    "gist_colon": {"kind": "gist", "gi_site": "colorectum", "mitotic": 11},
    "gist_rectum": {"kind": "gist", "gi_site": "colorectum", "mitotic": 11},
    "gist_peritoneum": {"kind": "gist", "gi_site": None, "mitotic": 5},
    # C48.0; Peritoneum (C48.1, C48.2, C48.8) is staged with it (data/naaccr/primary_site.csv).
    "retroperitoneum": {"kind": "sts", "site": "retroperitoneum"},
    "peritoneum": {"kind": "sts", "site": "retroperitoneum"},
    # C38.0-C38.3, C38.8: the AJCC 7 soft tissue chapter, site soft-tissue; mediastinal and other
    # intrathoracic sarcomas are deep (AJCC 7; CS gives this schema T1b or T2b).
    "heart_mediastinum": {"kind": "sts", "site": "soft-tissue", "depth": "deep"},
    "corpus_adenosarcoma": {"kind": "adenosarcoma"},
}

# GISTPeritoneum SSF10 (Location of Primary Tumor, table ssf10_sqj): 020 omentum takes the
# gastric table; mesentery and every other peritoneal location the intestinal one.
GIST_PERITONEUM_SSF10 = {"010": "mesentery", "020": "omentum", "030": "peritoneum", "040": "peritoneum",
                         "998": "peritoneum", "999": "peritoneum"}

# CS Tumor Size codes that give a range, not a size: the range in mm (low, high; None = open) and
# the size written for it, inside the range. The script checks, with the schema's own
# extension-size table, that the written size gets the T category the code gets.
SIZE_RANGES = {
    "990": ((0, 1), 1, "microscopic focus or foci only"),
    "991": ((0, 10), 5, "described as less than 1 cm"),
    "992": ((10, 20), 15, "described as 1 to 2 cm"),
    "993": ((20, 30), 25, "described as 2 to 3 cm"),
    "994": ((30, 40), 35, "described as 3 to 4 cm"),
    "995": ((40, 50), 45, "described as 4 to 5 cm"),
    "996": {"gist": ((50, 100), 75, "described as 5 to 10 cm"), "sts": ((50, None), 60, "described as more than 5 cm")},
    "997": ((100, None), 150, "described as more than 10 cm"),
}

# GIST mitotic count SSF codes that state no number (mitotic_rate_calculation tables): the rate
# written for them, checked against the table like the sizes.
MITOTIC_STATED = {"110": (11, "11 or more per 50 HPF"), "990": (5, "stated as 5 or less per 50 HPF"),
                  "991": (6, "stated as more than 5 per 50 HPF")}

# Grade for Sarcomas (SSF1, table ssf1_jpm) as FNCLCC grade; 200 (high grade, NOS) has none.
SSF1_GRADE = {"010": 1, "020": 2, "030": 3, "100": 1, "988": "X", "998": "X", "999": "X"}

# CorpusAdenosarcoma CS Extension (table extension_bfl) as the FIGO 2009 findings lmsstage reads,
# with the AJCC 7 T the table gives the code (checked). Myometrial invasion "less than one-half"
# is written as 25 %, "one-half or more" as 75 %.
ADENOSARCOMA_EXTENSION = {
    "100": ("T1NOS", {"myometrial_invasion": "unknown"}),
    "110": ("T1a", {"myometrial_invasion": 0}),
    "113": ("T1a", {"myometrial_invasion": 0, "cervix": True}),
    "115": ("T1a", {"myometrial_invasion": 0}),
    "120": ("T1b", {"myometrial_invasion": 25}),
    "123": ("T1b", {"myometrial_invasion": 25, "cervix": True}),
    "125": ("T1b", {"myometrial_invasion": 25}),
    "130": ("T1c", {"myometrial_invasion": 75}),
    "133": ("T1c", {"myometrial_invasion": 75, "cervix": True}),
    "135": ("T1c", {"myometrial_invasion": 75}),
    "140": ("T1NOS", {"myometrial_invasion": "unknown"}),
    "143": ("T1NOS", {"myometrial_invasion": "unknown", "cervix": True}),
    "170": ("T1NOS", {"myometrial_invasion": "unknown"}),
    "400": ("T1NOS", {"myometrial_invasion": "unknown"}),
    "500": ("T1NOS", {"myometrial_invasion": "unknown", "cervix": True}),
    "510": ("T1a", {"myometrial_invasion": 0, "cervix": True}),
    "520": ("T1a", {"myometrial_invasion": 0, "cervix": True}),
    "550": ("T2a", {"adnexa": True}),
    "600": ("T2a", {"adnexa": True}),
    "605": ("T2a", {"adnexa": True}),
    "640": ("T2b", {"pelvic": True}),
    "645": ("T2b", {"pelvic": True}),
    "650": ("T2b", {"pelvic": True}),
    "655": ("T2b", {"pelvic": True}),
    "662": ("T2b", {"pelvic": True}),
    "663": ("T2b", {"pelvic": True}),
    "665": ("T2b", {"pelvic": True}),
    "670": ("T2b", {"pelvic": True}),
    "675": ("T2b", {"pelvic": True}),
    "685": ("T3a", {"abdominal_sites": 1}),
    "688": ("T3a", {"abdominal_sites": 1}),
    "690": ("T3a", {"abdominal_sites": 1}),
    "692": ("T3b", {"abdominal_sites": 2}),
    "693": ("T3b", {"abdominal_sites": 2}),
    "694": ("T3b", {"abdominal_sites": 2}),
    "660": ("T4", {"bladder_rectum": True}),
    "705": ("T4", {"bladder_rectum": True}),
    "708": ("T4", {"bladder_rectum": True}),
    "715": ("T4", {"bladder_rectum": True}),
    "720": ("T4", {"bladder_rectum": True}),
    "730": ("T4", {"bladder_rectum": True}),
    "999": ("TX", {"myometrial_invasion": "unknown", "adnexa": "unknown", "pelvic": "unknown",
                   "abdominal_sites": "unknown", "bladder_rectum": "unknown"}),
    "950": ("T0", {}),
}
# Codes of extension_bfl with no lmsstage equivalent, and why.
ADENOSARCOMA_UNTRANSLATABLE = {
    "000": "in situ",
    "160": "serosa of the corpus, myometrial invasion not given",
    "682": "FIGO II, NOS (adnexa or other pelvic tissue, not which)",
    "683": "FIGO II, NOS (adnexa or other pelvic tissue, not which)",
    "698": "FIGO III, NOS (abdominal tissue, not how many sites)",
    "699": "FIGO III, NOS (abdominal tissue, not how many sites)",
    "800": "FIGO III, NOS (abdominal tissue, not how many sites)",
    "850": "FIGO III, NOS (abdominal tissue, not how many sites)",
}

FAMILY = {"gist": "gist", "sts": "lms", "adenosarcoma": "adenosarcoma"}
DEFINITE_STAGES = {"IA", "IB", "IC", "I", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IIIC", "IV", "IVA", "IVB"}
UNDETERMINED_STAGES = {"INOS", "IINOS", "IIINOS", "UNK"}
CONVENTION = "unknown-nodes convention"


class Algorithm:
    """The CS algorithm's schemas and tables, read from the zip in the checkout."""

    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        self.names = set(self.zip.namelist())
        self.tables = {}

    def schema(self, name):
        return json.loads(self.zip.read("schemas/%s.json" % name))

    def table(self, name):
        if name not in self.tables:
            data = json.loads(self.zip.read("tables/%s.json" % name))
            keys = [column["key"] for column in data["definition"]]
            self.tables[name] = (keys, data["rows"])
        return self.tables[name]


def matches(cell, value):
    """True when a CS table cell ('001-988', 'C160,C161', '*') holds the value."""
    for part in cell.split(","):
        part = part.strip()
        if part == "*" or part == value:
            return True
        if "-" in part:
            low, high = part.split("-", 1)
            if len(low) == len(value) and low <= value <= high:
                return True
    return False


def lookup(algorithm, name, **inputs):
    """The first row of a table matching the inputs, as a dict of its columns; None when none."""
    keys, rows = algorithm.table(name)
    for row in rows:
        cells = dict(zip(keys, row))
        if all(matches(cells[key], value) for key, value in inputs.items()):
            return cells
    return None


def endpoint(cell):
    kind, _, value = cell.partition(":")
    return kind, value


class Untranslatable(Exception):
    """A record whose CS codes have no lmsstage equivalent; the message is the reason."""


class Schema:
    """One CS schema: its input tables, and the translation of a record into an lmsstage case."""

    def __init__(self, algorithm, name, spec):
        self.algorithm = algorithm
        self.name = name
        self.spec = spec
        self.kind = spec["kind"]
        definition = algorithm.schema(name)
        self.input_table = {item["key"]: item.get("table") for item in definition["inputs"]}

    # --- the CS categories of the schema's own tables -------------------------------------------

    def extension_row(self, code):
        row = lookup(self.algorithm, self.input_table["extension"], extension=code)
        if row is None:
            raise Untranslatable("CS Extension %s not in the schema" % code)
        return row

    def t_for(self, extension, size):
        """AJCC 7 T the schema's tables give CS Extension and CS Tumor Size."""
        kind, value = endpoint(self.extension_row(extension)["ajcc7_t"])
        if kind == "JUMP":
            row = lookup(self.algorithm, value, extension=extension, size=size)
            kind, value = endpoint(row["ajcc7_t"]) if row else ("ERROR", "")
        return value if kind == "VALUE" else None

    def plain_extension(self):
        """The first extension code whose T comes from the size alone (no T stated)."""
        keys, rows = self.algorithm.table(self.input_table["extension"])
        for row in rows:
            cells = dict(zip(keys, row))
            if endpoint(cells["ajcc7_t"])[0] == "JUMP" and not self.stated_t(cells["extension"]):
                return cells["extension"]
        raise AssertionError("%s: no extension code staged by size" % self.name)

    def stated_t(self, extension):
        """True when the extension code gives a T category of its own (the schema's extension-size
        table gives it a T with size 999): "Stated as T1" and the like."""
        return self.t_for(extension, "999") not in (None, "TX")

    # --- translation ----------------------------------------------------------------------------

    def nodes(self, code):
        row = lookup(self.algorithm, self.input_table["nodes"], nodes=code)
        kind, value = endpoint(row["ajcc7_n"]) if row else ("ERROR", "")
        if kind != "VALUE":
            raise Untranslatable("CS Lymph Nodes %s has no AJCC 7 N" % code)
        if code == "999":
            return "unknown"
        return {"N0": False, "N1": True}[value]

    def metastasis(self, code):
        row = lookup(self.algorithm, self.input_table["mets"], mets=code)
        kind, value = endpoint(row["ajcc7_m"]) if row else ("ERROR", "")
        if kind != "VALUE":
            raise Untranslatable("CS Mets at DX %s has no AJCC 7 M" % code)
        if code == "99":
            return None  # not stated: left out, so that lmsstage takes M0 as AJCC 7 does (no MX)
        return {"M0": False, "M1": True}[value]

    def size(self, code):
        """lmsstage's size for CS Tumor Size."""
        if code == "999":
            return "unknown"
        if "001" <= code <= "989":
            return "%d mm" % int(code)
        if code not in SIZE_RANGES:
            raise Untranslatable("CS Tumor Size %s has no size" % code)
        entry = SIZE_RANGES[code]
        if isinstance(entry, dict):
            entry = entry[self.kind]
        (low, high), written, _ = entry
        assert low < written and (high is None or written <= high), (code, written)
        # The written size must get the T category the range code gets, with a plain extension.
        plain = self.plain_extension()
        if self.t_for(plain, code) != self.t_for(plain, "%03d" % written):
            raise AssertionError("%s: size %s written as %d mm changes T" % (self.name, code, written))
        return "%d mm" % written

    def size_and_extension(self, extension, size_code):
        """(size, extension word) for GIST and soft tissue; raises when not expressible."""
        row = self.extension_row(extension)
        kind, value = endpoint(row["ajcc7_t"])
        if kind == "ERROR":
            raise Untranslatable("CS Extension %s is obsolete (no AJCC 7 T)" % extension)
        description = row["description"].lower()
        if kind == "VALUE" and value == "T0":
            return None, None  # no evidence of the primary: no size
        if kind == "VALUE" and value == "TX":
            if "in situ" in description:
                raise Untranslatable("CS Extension %s: in situ" % extension)
            if size_code != "999":
                raise Untranslatable("CS Extension 999 (unknown) with a size: CS takes TX whatever the size")
            return "unknown", "unknown"
        t2000 = endpoint(row["t2000"])[1]
        word = {"L": "confined", "RE": "adjacent", "D": "further"}[t2000]
        if t2000 == "RE" and extension >= "600":
            word = "adjacent-organ"  # adjacent organs and structures
        if self.stated_t(extension) and not ("001" <= size_code <= "989"):
            # "Stated as Tn": the statement decides T unless an exact size is given.
            if size_code == "999" or self.t_for(extension, size_code) != self.t_for(self.plain_extension(), size_code):
                raise Untranslatable("CS Extension %s with CS Tumor Size %s: T from the extension code, not a size"
                                     % (extension, "999" if size_code == "999" else "99x"))
        return self.size(size_code), word

    def mitotic_rate(self, code):
        table = "mitotic_rate_calculation_" + {6: "xqe", 11: "xpi", 5: "xjm"}[self.spec["mitotic"]]
        row = lookup(self.algorithm, table, **{"ssf%d" % self.spec["mitotic"]: code})
        kind, value = endpoint(row["mitotic_rate"]) if row else ("ERROR", "")
        if kind != "VALUE":
            raise Untranslatable("mitotic count %s is obsolete" % code)
        if code == "988":
            raise Untranslatable("mitotic count 988 (not collected): CS takes it as low")
        if value == "Unknown":
            return "unknown"
        if "000" <= code <= "100":
            rate = int(code) / 10
        else:
            rate, _ = MITOTIC_STATED[code]
        written = lookup(self.algorithm, table, **{"ssf%d" % self.spec["mitotic"]: "%03d" % round(rate * 10)}
                         ) if rate <= 10 else {"mitotic_rate": "VALUE:High"}
        if endpoint(written["mitotic_rate"])[1] != value:
            raise AssertionError("%s: mitotic count %s written as %s changes low/high" % (self.name, code, rate))
        return int(rate) if float(rate).is_integer() else rate

    def translate(self, v, families):
        """The lmsstage case (without id, source, expect) for record fields v."""
        case = {"edition": 7}
        histology = "%s/%s" % (v[HIST], v[BEHAVIOR])
        if self.kind == "gist":
            case["site"] = "gi"
            case["histology"] = FAMILY["gist"] if families else histology
            gi_site = self.spec["gi_site"]
            if gi_site is None:
                if v[ssf(10)] not in GIST_PERITONEUM_SSF10:
                    raise Untranslatable("GISTPeritoneum SSF10 %s names no location" % v[ssf(10)])
                gi_site = GIST_PERITONEUM_SSF10[v[ssf(10)]]
            case["gi_site"] = gi_site
            size, extension = self.size_and_extension(v[EXT], v[SIZE])
            case["mitotic_rate"] = self.mitotic_rate(v[ssf(self.spec["mitotic"])])
        elif self.kind == "sts":
            case["site"] = self.spec["site"]
            case["histology"] = FAMILY["sts"] if families else histology
            if "depth" in self.spec:
                case["depth"] = self.spec["depth"]
            size, extension = self.size_and_extension(v[EXT], v[SIZE])
            if v[ssf(1)] not in SSF1_GRADE:
                if v[ssf(1)] == "200":
                    raise Untranslatable("grade for sarcomas 200 (high grade, NOS): no FNCLCC grade")
                raise Untranslatable("grade for sarcomas %s is obsolete" % v[ssf(1)])
            case["grade"] = SSF1_GRADE[v[ssf(1)]]
        else:
            case["site"] = "uterus"
            case["histology"] = FAMILY["adenosarcoma"] if families else histology
            size, extension = None, None
            code = v[EXT]
            if code in ADENOSARCOMA_UNTRANSLATABLE:
                raise Untranslatable("CS Extension %s: %s" % (code, ADENOSARCOMA_UNTRANSLATABLE[code]))
            if code not in ADENOSARCOMA_EXTENSION:
                raise Untranslatable("CS Extension %s is obsolete (no AJCC 7 T)" % code)
            t, findings = ADENOSARCOMA_EXTENSION[code]
            kind, value = endpoint(self.extension_row(code)["ajcc7_t"])
            if (kind, value) != ("VALUE", t):
                raise AssertionError("corpus_adenosarcoma: extension %s is %s, not %s" % (code, value, t))
            case.update(findings)
        if size is not None:
            case["size"] = size
        if extension is not None:
            case["extension"] = extension
        case["nodes"] = self.nodes(v[NODES])
        metastasis = self.metastasis(v[METS])
        if metastasis is not None:
            case["metastasis"] = metastasis
        no_primary = size is None and self.kind != "adenosarcoma" or v[EXT] == "950"
        if no_primary and case["nodes"] is not True and case.get("metastasis") is not True:
            raise Untranslatable("CS Extension 950 (no evidence of primary) without nodes or metastasis")
        return case

    def convention_stage(self, v):
        """For AJCC 7 soft tissue with nodes unknown and M0, where CS gives stage unknown: the stage
        the CS stage table gives both N0 and N1 (lmsstage's NX stage), or None when they differ."""
        if self.kind != "sts" or v[NODES] != "999" or v[AJCC7_M].strip() != "M0":
            return None
        grade = endpoint(lookup(self.algorithm, "ssf1_jpm", ssf1=v[ssf(1)])["grade_ssf1"])[1]
        stages = set()
        for n in ("N0", "N1"):
            row = lookup(self.algorithm, "ajcc7_stage_upm", t=v[AJCC7_T].strip(), n=n, m="M0", grade_ssf1=grade)
            kind, value = endpoint(row["stage"]) if row else ("ERROR", "")
            stages.add(value if kind == "VALUE" else None)
        return stages.pop() if len(stages) == 1 and None not in stages else None


# SEER's AJCC 7 T as lmsstage writes it: T1 NOS (myometrial invasion unknown) is T1; lmsstage has
# no T0 (no primary found: no size), so T0 is not compared.
T_WRITTEN = {"T0": None, "T1NOS": "T1"}


class HistologyTable:
    """lmsstage's histology table (data/histology.csv): whether a code is staged for a schema."""

    def __init__(self, path):
        import csv
        with open(path, newline="", encoding="utf-8") as handle:
            self.rows = list(csv.DictReader(handle))

    def row(self, code, behaviour):
        """The narrowest row holding the code and behaviour, or None."""
        best = None
        for row in self.rows:
            if row["behaviour"] == behaviour and int(row["code_from"]) <= int(code) <= int(row["code_to"]):
                if best is None or int(row["code_to"]) - int(row["code_from"]) < int(best["code_to"]) - int(
                        best["code_from"]):
                    best = row
        return best

    def refusal(self, schema, code, behaviour):
        """Why lmsstage does not stage the code in this schema's system, or None when it does."""
        row = self.row(code, behaviour)
        if row is None:
            return "ICD-O-3 %s/%s has no row in lmsstage's histology table" % (code, behaviour)
        if row["family"] in ("excluded", "carcinosarcoma"):
            return row["refusal"]
        if schema.kind == "gist":
            return None if row["gi"] == "gist" else "not a GIST in lmsstage's histology table"
        if schema.kind == "adenosarcoma":
            return None if row["uterus"] == "adenosarcoma" else "not adenosarcoma in lmsstage's histology table"
        if row["gi"] == "gist" and schema.spec["site"] == "retroperitoneum":
            return "stromal sarcoma NOS at C48: lmsstage follows SEER's GIST schemas (site gi)"
        if row["family"] in ("gist", "adenosarcoma"):
            return row["refusal"]
        return None if row["ajcc7"] == "sts" else row["refusal"]


def expectation(v):
    """SEER's AJCC 7 stage and T, N and M categories, as the case's expectation."""
    stage = v[AJCC7_STAGE]
    if stage in DEFINITE_STAGES:
        expect = {"stage": stage}
    elif stage in UNDETERMINED_STAGES:
        expect = {"stage": None}
    else:
        raise Untranslatable("AJCC 7 stage %s" % stage)
    categories = {"T": T_WRITTEN.get(v[AJCC7_T], v[AJCC7_T]), "N": v[AJCC7_N], "M": v[AJCC7_M]}
    expect["categories"] = {key: value for key, value in categories.items() if value is not None}
    return expect


def cs_codes(schema, v):
    """The CS input codes a case was read from, for its source text."""
    codes = ["site %s" % v[SITE], "histology %s/%s" % (v[HIST], v[BEHAVIOR]), "size %s" % v[SIZE],
             "extension %s" % v[EXT], "nodes %s" % v[NODES], "mets %s" % v[METS]]
    if schema.kind == "gist":
        codes.append("SSF%d %s" % (schema.spec["mitotic"], v[ssf(schema.spec["mitotic"])]))
        if schema.spec["gi_site"] is None:
            codes.append("SSF10 %s" % v[ssf(10)])
    elif schema.kind == "sts":
        codes.append("SSF1 %s" % v[ssf(1)])
    return ", ".join(codes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkout", help="a checkout of github.com/imsweb/staging-client-java")
    parser.add_argument("--out", default=".", help="directory for cases.ndjson.gz and convention.ndjson.gz")
    parser.add_argument("--families", action="store_true",
                        help="histology as lms, gist or adenosarcoma instead of the ICD-O-3 code")
    args = parser.parse_args()

    algorithm = Algorithm(os.path.join(args.checkout, ALGORITHM_ZIP))
    histologies = HistologyTable(HISTOLOGY_CSV)
    cases = collections.OrderedDict()  # key -> [case, expect, records, first record, convention]
    counts = collections.Counter()
    reasons = collections.Counter()
    for name, spec in SCHEMAS.items():
        schema = Schema(algorithm, name, spec)
        path = os.path.join(args.checkout, SCHEMA_DIR, name + ".gz")
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                v = [field.strip() for field in line.rstrip("\n").split(",")]
                counts["records"] += 1
                if len(v) != FIELDS:
                    raise SystemExit("%s.gz:%d: %d fields, not %d" % (name, number, len(v), FIELDS))
                stage = v[AJCC7_STAGE]
                if stage == "":
                    counts["no AJCC 7 stage: CS refuses the record"] += 1
                    continue
                if stage == "NA":
                    counts["no AJCC 7 stage: histology outside the AJCC 7 chapter"] += 1
                    continue
                counts["with an AJCC 7 stage"] += 1
                try:
                    case = schema.translate(v, args.families)
                    expect = expectation(v)
                except Untranslatable as why:
                    reasons["%s: %s" % (name, why)] += 1
                    counts["not translatable"] += 1
                    continue
                convention = None
                refused = histologies.refusal(schema, v[HIST], v[BEHAVIOR])
                if refused is not None:
                    expect = {"error": "histology"}
                    convention = "refused: " + refused
                    counts["translated, refused by lmsstage's histology table"] += 1
                elif stage == "UNK":
                    convention = schema.convention_stage(v)
                    if convention is not None:
                        expect = dict(expect, stage=convention)
                key = json.dumps(case, sort_keys=True)
                entry = cases.get(key)
                if entry is None:
                    source = (cs_codes(schema, v), stage)
                    cases[key] = [name, number, case, expect, 1, source, convention, {json.dumps(expect)}]
                else:
                    entry[4] += 1
                    entry[7].add(json.dumps(expect))
                counts["translated"] += 1
                if convention is not None and not convention.startswith("refused: "):
                    counts["translated, unknown-nodes convention"] += 1

    conflicts = [entry for entry in cases.values() if len(entry[7]) > 1]
    os.makedirs(args.out, exist_ok=True)
    written = collections.Counter()
    outputs = {}
    for kind in ("cases", "convention", "refused"):
        outputs[kind] = gzip.GzipFile(filename="", mode="wb", compresslevel=9, mtime=0,
                                      fileobj=open(os.path.join(args.out, kind + ".ndjson.gz"), "wb"))
    for name, number, case, expect, records, source, convention, expects in cases.values():
        if len(expects) > 1:
            continue
        record = {"id": "seer-cs-%s-%d" % (name.replace("_", "-"), number)}
        record.update(case)
        more = "" if records == 1 else " (and %d more with these inputs)" % (records - 1)
        text = "SEER CS integration test record %s.gz line %d%s: %s; SEER AJCC 7 stage %s" % (
            name, number, more, source[0], source[1])
        refused = convention is not None and convention.startswith("refused: ")
        if refused:
            text += "; lmsstage's histology table (data/histology.csv) refuses it: " + convention[len("refused: "):]
        elif convention is not None:
            text += ("; %s: CS gives stage unknown for NX, lmsstage stages NX as N0 and N1, which CS's "
                     "table (ajcc7_stage_upm) groups alike: %s (docs/rules.md \u00a71, \u00a75)"
                     % (CONVENTION, convention))
        record["source"] = text
        record["expect"] = expect
        kind = "refused" if refused else "convention" if convention is not None else "cases"
        outputs[kind].write((json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))
        written[kind] += 1
        written[kind + " records"] += records
    for handle in outputs.values():
        raw = handle.fileobj
        handle.close()
        raw.close()

    report = sys.stderr
    print("SEER CS records read: %d" % counts["records"], file=report)
    for key in ("no AJCC 7 stage: CS refuses the record", "no AJCC 7 stage: histology outside the AJCC 7 chapter",
                "with an AJCC 7 stage", "not translatable", "translated", "translated, unknown-nodes convention",
                "translated, refused by lmsstage's histology table"):
        print("  %s: %d" % (key, counts[key]), file=report)
    print("distinct cases written: %d in cases.ndjson.gz (%d records), %d in convention.ndjson.gz (%d records), "
          "%d in refused.ndjson.gz (%d records)"
          % (written["cases"], written["cases records"], written["convention"], written["convention records"],
             written["refused"], written["refused records"]), file=report)
    print("inputs with more than one SEER stage (not written): %d cases, %d records"
          % (len(conflicts), sum(entry[4] for entry in conflicts)), file=report)
    for entry in conflicts[:20]:
        print("  %s.gz line %d: %s -> %s" % (entry[0], entry[1], json.dumps(entry[2]), sorted(entry[7])), file=report)
    print("records not translatable, by reason:", file=report)
    for reason, n in sorted(reasons.items()):
        print("  %7d  %s" % (n, reason), file=report)


if __name__ == "__main__":
    main()
