"""lmsstage batch --to naaccr-xml read back by an independent XML parser (Python's
xml.etree.ElementTree): the output is well-formed, has every Patient and Tumor of the input in order,
and every Tumor keeps its items in order, followed only by NAACCR output items.
Usage: python3 naaccr_xml_python.py PROGRAM SOURCE_DIR"""
import subprocess
import sys
import xml.etree.ElementTree as ET

PROGRAM, SOURCE = sys.argv[1], sys.argv[2]
NS = {"n": "http://naaccr.org/naaccrxml"}
DERIVED = {"summaryStage2018", "tnmEditionNumber", "derivedAjcc7T", "derivedAjcc7N", "derivedAjcc7M",
           "derivedAjcc7StageGrp", "derivedEod2018T", "derivedEod2018N", "derivedEod2018M",
           "derivedEod2018StageGroup"}
SARCOMA = """<?xml version="1.0" encoding="UTF-8"?>
<NaaccrData baseDictionaryUri="http://naaccr.org/naaccrxml/naaccr-dictionary-250.xml" recordType="A"
 specificationVersion="1.7" xmlns="http://naaccr.org/naaccrxml">
<Patient><Item naaccrId="patientIdNumber">00012345</Item>
<Tumor><Item naaccrId="tumorRecordNumber">01</Item><Item naaccrId="primarySite">C492</Item>
<Item naaccrId="histologicTypeIcdO3">8890</Item><Item naaccrId="behaviorCodeIcdO3">3</Item>
<Item naaccrId="tumorSizeSummary">065</Item><Item naaccrId="gradePathological">3</Item>
<Item naaccrId="textRemarks">a &lt; b &amp; "c"</Item></Tumor></Patient></NaaccrData>
"""

failures = 0


def check(name, source_xml, expect_added):
    global failures
    out = subprocess.run([PROGRAM, "batch", "--exit-zero", "--to", "naaccr-xml", "-"], input=source_xml,
                         capture_output=True, check=True).stdout
    before, after = ET.fromstring(source_xml), ET.fromstring(out)
    tumours_before = before.findall(".//n:Tumor", NS)
    tumours_after = after.findall(".//n:Tumor", NS)
    if len(tumours_before) != len(tumours_after):
        print(f"FAIL {name}: {len(tumours_before)} tumours in, {len(tumours_after)} out")
        failures += 1
    for i, (x, y) in enumerate(zip(tumours_before, tumours_after)):
        items_in = [(item.get("naaccrId"), item.text) for item in x.findall("n:Item", NS)]
        items_out = [(item.get("naaccrId"), item.text) for item in y.findall("n:Item", NS)]
        added = dict(items_out[len(items_in):])
        if items_out[:len(items_in)] != items_in or not set(added) <= DERIVED:
            print(f"FAIL {name}: tumour {i + 1} items changed: {items_in} -> {items_out}")
            failures += 1
        for key, value in expect_added.get(i, {}).items():
            if added.get(key) != value:
                print(f"FAIL {name}: tumour {i + 1} {key} = {added.get(key)}, expected {value}")
                failures += 1
    patients = [[(item.get("naaccrId"), item.text) for item in p.findall("n:Item", NS)]
                for p in before.findall("n:Patient", NS)]
    if patients != [[(item.get("naaccrId"), item.text) for item in p.findall("n:Item", NS)]
                    for p in after.findall("n:Patient", NS)]:
        print(f"FAIL {name}: the Patients' items changed")
        failures += 1


with open(SOURCE + "/tests/naaccr-xml/imsweb/synthetic-data_naaccr-210-incidence_10-tumors.xml", "rb") as f:
    check("imsweb synthetic sample", f.read(), {})
# data/cases/naaccr/registry.ndjson "thigh-lms-issue-example": summary stage 1, AJCC 7 group 500.
check("thigh leiomyosarcoma", SARCOMA.encode(), {0: {"summaryStage2018": "1", "derivedAjcc7StageGrp": "500"}})
print(f"NAACCR XML read back by ElementTree: {failures} failures")
sys.exit(1 if failures else 0)
