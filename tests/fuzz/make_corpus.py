#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into tests/fuzz/corpus/<target>/.

The seeds are small files, named for what they exercise. Re-running this script rewrites them
(it never deletes other files there). Usage: python3 tests/fuzz/make_corpus.py
"""
import os
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


# ---------------------------------------------------------------------------------------------
# fuzz_record: one record's bytes

GOOD = {
    # AJCC 7th edition, soft tissue sarcoma
    "good-ajcc7-soft-tissue-III": '{"id":1,"size":6,"grade":3}',
    "good-ajcc7-IA-gx": '{"id":"a-2","size":3,"grade":"X"}',
    "good-ajcc7-extremity-deep": '{"site":"extremity","size":"55 mm","depth":"deep","grade":2}',
    "good-ajcc7-trunk-superficial": '{"site":"trunk","size":"5.5cm","depth":"superficial","grade":1}',
    "good-ajcc7-retroperitoneum": '{"site":"retroperitoneum","size":12,"grade":3,"extension":"adjacent-organ"}',
    "good-ajcc7-head-neck": '{"site":"head-neck","size":2,"grade":2,"nodes":true}',
    "good-ajcc7-boundary-5cm": '{"size":5,"grade":1}',
    "good-ajcc7-boundary-50mm": '{"size":"50 mm","grade":1}',
    "good-ajcc7-5.01": '{"size":5.01,"grade":2}',
    "good-ajcc7-metastasis": '{"size":3,"grade":1,"metastasis":true,"extension":"further"}',
    "good-ajcc7-unknown-size": '{"size":"unknown","grade":3}',
    "good-ajcc7-unknown-nodes": '{"size":8,"grade":2,"nodes":"unknown","metastasis":false}',
    "good-ajcc7-all-fields": '{"id":17,"site":"soft-tissue","histology":"lms","size":7.25,"depth":"deep","grade":3,'
    '"nodes":false,"metastasis":false,"extension":"confined","edition":7}',
    "good-ajcc7-escaped-strings": '{"id":"\\u00e9\\n\\ud83d\\ude00","site":"\\u0073oft-tissue","size":"6\\u0020cm","grade":3}',
    "good-ajcc7-utf8-id": '{"id":"caf\u00e9 \u2603 \U0001F600","size":6,"grade":3}',
    "good-ajcc7-id-number-exp": '{"id":1.50e2,"size":6,"grade":3}',
    "good-ajcc7-whitespace": ' \t\r\n{ "size" : 6 ,\r\n "grade" : 3 } \r\n',
    "good-ajcc7-pretty": '{\n  "id": 3,\n  "size": 6,\n  "grade": 3\n}\n',
    "good-grade-warning-figo": '{"site":"uterus","size":4,"grade":2}',
    # FIGO 2009 uterine LMS / ESS
    "good-figo-lms-IA": '{"site":"uterus","size":4}',
    "good-figo-lms-IB": '{"site":"uterus","size":"80mm"}',
    "good-figo-lms-IIA": '{"site":"uterus","size":7,"adnexa":true}',
    "good-figo-lms-IIB": '{"site":"uterus","size":7,"pelvic":true}',
    "good-figo-lms-IIIA": '{"site":"uterus","size":3,"abdominal_sites":1}',
    "good-figo-lms-IIIB": '{"site":"uterus","size":3,"abdominal_sites":2}',
    "good-figo-lms-IIIC": '{"site":"uterus","size":3,"nodes":true}',
    "good-figo-lms-IVA": '{"site":"uterus","size":3,"bladder_rectum":true,"nodes":true}',
    "good-figo-lms-IVB": '{"site":"uterus","size":3,"metastasis":true}',
    "good-figo-lms-unknowns": '{"site":"uterus","size":"unknown","nodes":"unknown"}',
    "good-figo-ess": '{"site":"uterus","histology":"ess","size":6,"adnexa":false,"pelvic":false}',
    # FIGO 2009 uterine adenosarcoma
    "good-figo-adeno-IA": '{"site":"uterus","histology":"adenosarcoma","myometrial_invasion":0}',
    "good-figo-adeno-IB-half": '{"site":"uterus","histology":"adenosarcoma","myometrial_invasion":50}',
    "good-figo-adeno-IC": '{"site":"uterus","histology":"adenosarcoma","myometrial_invasion":50.5,"size":3}',
    "good-figo-adeno-IIIC": '{"site":"uterus","histology":"adenosarcoma","myometrial_invasion":10,"nodes":true}',
    # GIST, AJCC 7th and 8th edition
    "good-gist7-stomach-high": '{"site":"gi","histology":"gist","gi_site":"stomach","size":7,"mitotic_rate":8}',
    "good-gist7-omentum-rate-5": '{"site":"gi","histology":"gist","gi_site":"omentum","size":"50mm","mitotic_rate":5}',
    "good-gist7-small-intestine": '{"site":"gi","histology":"gist","gi_site":"small-intestine","size":11,"mitotic_rate":2}',
    "good-gist7-unknown-rate": '{"site":"gi","histology":"gist","gi_site":"stomach","size":7,"mitotic_rate":"unknown"}',
    "good-gist7-nodes-extension": '{"site":"gi","histology":"gist","gi_site":"esophagus","size":3,"mitotic_rate":1,'
    '"nodes":true,"extension":"adjacent-organ"}',
    "good-gist8-colorectum": '{"edition":8,"site":"gi","histology":"gist","gi_site":"colorectum","size":12,"mitotic_rate":6}',
    "good-gist8-mesentery-metastasis": '{"edition":8,"site":"gi","histology":"gist","gi_site":"mesentery",'
    '"size":"unknown","mitotic_rate":0,"metastasis":true}',
    "good-gi-lms-edition-8": '{"edition":8,"site":"gi","histology":"lms","size":4,"grade":2,"visceral_extent":"serosa"}',
    # AJCC 8th edition, soft tissue sarcoma by site
    "good-ajcc8-extremity": '{"edition":8,"site":"extremity","size":12,"grade":2,"nodes":true}',
    "good-ajcc8-trunk-bands": '{"edition":8,"site":"trunk","size":15.01,"grade":"X"}',
    "good-ajcc8-trunk-unknown": '{"edition":8,"site":"trunk","size":"unknown","grade":3,"nodes":"unknown"}',
    "good-ajcc8-retroperitoneum": '{"edition":8,"site":"retroperitoneum","size":16,"grade":3}',
    "good-ajcc8-head-neck": '{"edition":8,"site":"head-neck","size":3,"grade":2,"adjoining_invasion":"t4a"}',
    "good-ajcc8-head-neck-depth": '{"edition":8,"site":"head-neck","size":3,"grade":2,"depth":"deep"}',
    "good-ajcc8-visceral": '{"edition":8,"site":"visceral","visceral_extent":"beyond-serosa","foci":3,"grade":2}',
    "good-ajcc8-visceral-foci-6": '{"edition":8,"site":"visceral","visceral_extent":"other-organ","foci":6}',
}

BAD = {
    # invalid JSON
    "bad-json-not-json": "this is not json",
    "bad-json-trailing-comma": '{"size":6,"grade":3,}',
    "bad-json-double-comma": '{"id":3,"size":6,,"grade":3}',
    "bad-json-single-quotes": "{'size':6}",
    "bad-json-leading-zero": '{"size":06,"grade":3}',
    "bad-json-bare-dot": '{"size":.5,"grade":3}',
    "bad-json-exp-no-digits": '{"size":5e,"grade":3}',
    "bad-json-nan-literal": '{"size":NaN,"grade":3}',
    "bad-json-text-after": '{"size":6,"grade":3} x',
    "bad-json-two-objects": '{"size":6,"grade":3}{"size":6}',
    "bad-json-control-char": '{"id":"a\tb","size":6,"grade":3}',
    "bad-json-bad-escape": '{"id":"\\x41","size":6}',
    "bad-json-lone-surrogate": '{"id":"\\ud800","size":6}',
    "bad-json-lone-low-surrogate": '{"id":"\\udc00","size":6}',
    "bad-json-truncated-u-escape": '{"id":"\\u12',
    "bad-json-nul": b'{"size": 6,\x00 "grade": 3}',
    "bad-json-empty": "",
    "bad-json-blank": "   ",
    # invalid UTF-8
    "bad-utf8-ff": b'{"id":"\xff","size":6,"grade":3}',
    "bad-utf8-overlong": b'{"id":"\xc0\xaf","size":6}',
    "bad-utf8-surrogate": b'{"id":"\xed\xa0\x80","size":6}',
    "bad-utf8-truncated": b'{"id":"\xe2\x82',
    "bad-utf8-above-10ffff": b'{"id":"\xf4\x90\x80\x80","size":6}',
    "bad-utf8-in-key": b'{"s\xc3ize":6}',
    "bad-utf8-long-value": ('{"id":1,"nodes":"' + "\u00e9" * 30 + '"}'),
    # duplicate and unknown keys
    "bad-dup-size": '{"size":6,"size":7,"grade":3}',
    "bad-dup-id": '{"id":1,"id":2,"size":6,"grade":3}',
    "bad-dup-after-error": '{"size":-1,"size":-1,"id":9}',
    "bad-unknown-key": '{"id":"x-1","metastatis":true}',
    "bad-unknown-empty-key": '{"":1,"size":6,"grade":3}',
    "bad-unknown-expect-in-batch": '{"size":6,"grade":3,"expect":{"stage":"III"}}',
    "bad-unknown-long-key": '{"' + "k" * 80 + '":1}',
    "bad-key-escaped-size": '{"\\u0073ize":6,"grade":3}',
    # wrong types
    "bad-type-size-bool": '{"size":true,"grade":3}',
    "bad-type-size-array": '{"size":[6],"grade":3}',
    "bad-type-grade-string": '{"size":6,"grade":"3"}',
    "bad-type-grade-4": '{"size":6,"grade":4}',
    "bad-type-grade-float": '{"size":6,"grade":3.0}',
    "bad-type-nodes-yes": '{"size":6,"grade":3,"nodes":"yes"}',
    "bad-type-metastasis-null": '{"size":6,"grade":3,"metastasis":null}',
    "bad-type-abdominal-float": '{"site":"uterus","size":3,"abdominal_sites":1.5}',
    "bad-type-abdominal-negative": '{"site":"uterus","size":3,"abdominal_sites":-1}',
    "bad-type-abdominal-huge": '{"site":"uterus","size":3,"abdominal_sites":99999999999999999999}',
    "bad-type-abdominal-llmax": '{"site":"uterus","size":3,"abdominal_sites":9223372036854775807}',
    "bad-type-site-number": '{"site":1,"size":6,"grade":3}',
    "bad-type-id-object": '{"id":{"a":1},"size":6,"grade":3}',
    "bad-type-id-null": '{"id":null,"size":6}',
    "bad-type-edition-8": '{"size":6,"grade":3,"edition":8}',
    "bad-type-edition-9": '{"size":6,"grade":3,"edition":9}',
    "bad-record-array": '[{"size":6,"grade":3}]',
    "bad-record-number": "42",
    "bad-record-string": '"text"',
    "bad-record-null": "null",
    # numbers at the edges
    "bad-num-1e400": '{"size":1e400,"grade":3}',
    "bad-num-1e-400": '{"size":1e-400,"grade":3}',
    "bad-num-minus-zero": '{"size":-0,"grade":3}',
    "bad-num-minus-zero-float": '{"size":-0.0,"grade":3}',
    "bad-num-zero": '{"size":0,"grade":2}',
    "bad-num-negative": '{"id":2,"size":-3,"grade":1}',
    "num-denormal": '{"size":5e-324,"grade":1}',
    "num-max-double": '{"size":1.7976931348623157e308,"grade":1}',
    "num-myometrial-1e400": '{"site":"uterus","histology":"adenosarcoma","myometrial_invasion":1e400}',
    "num-myometrial-101": '{"site":"uterus","histology":"adenosarcoma","myometrial_invasion":101}',
    "num-myometrial-negative": '{"site":"uterus","histology":"adenosarcoma","myometrial_invasion":-0.5}',
    "num-id-1e400": '{"id":1e400,"size":6,"grade":3}',
    "num-id-huge-int": '{"id":123456789012345678901234567890,"size":6,"grade":3}',
    "num-mitotic-rate": '{"size":6,"grade":3,"mitotic_rate":"unknown"}',
    # strings as numbers
    "str-size-nan": '{"size":"nan","grade":3}',
    "str-size-inf": '{"size":"inf","grade":3}',
    "str-size-negative": '{"size":"-3","grade":3}',
    "str-size-unit-in": '{"size":"5 in","grade":3}',
    "str-size-1e400": '{"size":"1e400","grade":3}',
    # invalid cases (read, not staged)
    "invalid-soft-tissue-no-grade": '{"size":6}',
    "invalid-ess-soft-tissue": '{"histology":"ess","size":6,"grade":3}',
    "invalid-adenosarcoma-no-invasion": '{"site":"uterus","histology":"adenosarcoma"}',
    "invalid-gist-no-gi-site": '{"site":"gi","histology":"gist","size":6}',
    "invalid-gi-no-histology": '{"site":"gi","size":6,"mitotic_rate":3}',
    "invalid-gi-lms-edition-7": '{"site":"gi","histology":"lms","size":6,"grade":2}',
    "invalid-gist-rate-negative": '{"site":"gi","histology":"gist","gi_site":"stomach","size":6,"mitotic_rate":-1}',
    "invalid-gist-rate-1e400": '{"site":"gi","histology":"gist","gi_site":"stomach","size":6,"mitotic_rate":1e400}',
    "invalid-site-visceral-edition-7": '{"site":"visceral","size":6,"grade":3}',
    "invalid-ajcc8-soft-tissue": '{"edition":8,"size":6,"grade":3}',
    "invalid-ajcc8-visceral-foci-0": '{"edition":8,"site":"visceral","visceral_extent":"serosa","foci":0}',
    "invalid-ajcc8-visceral-foci-max": '{"edition":8,"site":"visceral","visceral_extent":"serosa","foci":9223372036854775807}',
    "invalid-uterus-depth": '{"site":"uterus","size":6,"depth":"deep"}',
    "invalid-ajcc8-fields-edition-7": '{"size":6,"grade":3,"foci":3,"visceral_extent":"serosa","adjoining_invasion":"t4a"}',
    "invalid-gi-site-soft-tissue": '{"size":6,"grade":3,"gi_site":"stomach"}',
    # framing-level shapes handed to the record reader
    "bad-truncated-record": '{"size":6,"gra',
    "bad-truncated-in-string": '{"id":"abc',
    "bad-truncated-after-colon": '{"size":',
    "bad-bom": b'\xef\xbb\xbf{"size":6,"grade":3}',
    "crlf-record": '{"size":6,\r\n"grade":3}\r',
}


def nested(depth, inner="1"):
    return "[" * depth + inner + "]" * depth


BAD["deep-nesting-63"] = '{"id":7,"size":' + nested(63) + "}"      # 64 levels with the record: allowed
BAD["deep-nesting-64"] = '{"id":7,"size":' + nested(64) + "}"      # 65 levels: too deep
BAD["deep-nesting-objects"] = '{"id":' + '{"a":' * 70 + "1" + "}" * 70 + "}"
BAD["deep-nesting-1000"] = '{"size":' + nested(1000) + "}"

for name, data in {**GOOD, **BAD}.items():
    write("fuzz_record", name, data)

# ---------------------------------------------------------------------------------------------
# fuzz_size: the text of a size

SIZES = {
    "55-mm": "55 mm",
    "5.5cm": "5.5cm",
    "unknown": "unknown",
    "unknown-upper-padded": " \tUNKNOWN\t ",
    "nan": "nan",
    "NaN-cm": "NaN cm",
    "inf": "inf",
    "minus-inf-mm": "-inf mm",
    "minus-3": "-3",
    "minus-zero": "-0",
    "zero-mm": "0mm",
    "6": "6",
    "5": "5",
    "50mm": "50mm",
    "5.01": "5.01",
    "5.5-CM": "5.5 CM",
    "plus-5": "+5",
    "1e400": "1e400",
    "1e-400": "1e-400",
    "5e-324-mm": "5e-324 mm",
    "1e308mm": "1.7976931348623157e308mm",
    "trailing-e": "5e",
    "exp-minus": "5e-1cm",
    "unit-in": "5 in",
    "unit-only": "mm",
    "empty": "",
    "blanks": "  \t ",
    "hex": "0x10",
    "double-dot": "5..5",
    "many-signs": "+-5",
    "long-digits": "4.9999999999999999999999999999",
    "comma-decimal": "5,5 cm",
    "nul-inside": b"5\x00cm",
    "utf8-unit": "5 \u00b5m",
    "invalid-utf8": b"5 \xff",
    "newline": "5\ncm",
    "unit-padded": "5 \t cm \t",
}
for name, data in SIZES.items():
    write("fuzz_size", name, data)

# ---------------------------------------------------------------------------------------------
# fuzz_stream: whole inputs

GOOD_REC = '{"id":1,"size":6,"grade":3}'
GOOD_IA = '{"id":2,"size":3,"grade":1}'
BAD_SIZE = '{"id":3,"size":-3,"grade":1}'
STREAMS = {
    "ndjson-mixed": "\n".join([GOOD_REC, BAD_SIZE, "this is not json", GOOD_IA, '{"id":4,"metastatis":true}']) + "\n",
    "ndjson-blank-lines": "\n" + GOOD_REC + "\n\n   \n" + BAD_SIZE + "\n\t\n" + GOOD_IA + "\n\n",
    "ndjson-crlf": GOOD_REC + "\r\n" + BAD_SIZE + "\r\n" + GOOD_IA + "\r\n",
    "ndjson-no-final-newline": GOOD_REC + "\n" + GOOD_IA,
    "ndjson-final-cr": GOOD_REC + "\n" + GOOD_IA + "\r",
    "ndjson-bom": b"\xef\xbb\xbf" + (GOOD_REC + "\n" + GOOD_IA + "\n").encode(),
    "ndjson-bom-later": (GOOD_REC + "\n").encode() + b"\xef\xbb\xbf" + (GOOD_IA + "\n").encode(),
    "ndjson-non-objects": GOOD_REC + "\n[1,2]\n42\n\"text\"\nnull\n" + GOOD_REC + "\n",
    "ndjson-nul": b'{"size": 6,\x00 "grade": 3}\n' + GOOD_REC.encode() + b"\n",
    "ndjson-invalid-utf8": b'{"id":"\xff","size":6}\n' + GOOD_REC.encode() + b"\n",
    "ndjson-truncated-last": GOOD_REC + "\n" + '{"size":6,"gra',
    "ndjson-truncated-first": '{"size":6,"gra\n' + GOOD_REC + "\n" + GOOD_IA + "\n",
    "ndjson-open-string-first": '{"id":"abc\n' + GOOD_REC + "\n",
    "ndjson-truncated-first-crlf": '{"size":6,"gra\r\n' + GOOD_REC + "\r\n",
    "ndjson-dup-keys": '{"size":6,"size":7,"grade":3}\n' + GOOD_REC + "\n",
    "ndjson-deep": '{"id":1,"size":' + nested(200) + "}\n" + GOOD_REC + "\n",
    "ndjson-gist-ajcc8": '{"site":"gi","histology":"gist","gi_site":"stomach","size":7,"mitotic_rate":8}\n'
    '{"edition":8,"site":"head-neck","size":3,"grade":2}\n'
    '{"edition":8,"site":"visceral","visceral_extent":"serosa","foci":2}\n'
    '{"edition":8,"size":6,"grade":3}\n',
    "ndjson-uterus": '{"site":"uterus","size":7,"adnexa":true}\n'
    '{"site":"uterus","histology":"adenosarcoma","myometrial_invasion":50}\n'
    '{"site":"uterus","histology":"ess","size":3,"bladder_rectum":true,"nodes":true}\n',
    "array": "[" + GOOD_REC + ", " + BAD_SIZE + ", " + GOOD_IA + ", 42]",
    "array-pretty": "[\n  {\n    \"size\": 6,\n    \"grade\": 3\n  },\n  {\n    \"size\": -1\n  }\n]\n",
    "array-empty": "[]",
    "array-empty-slot": "[" + GOOD_REC + ",," + GOOD_IA + "]",
    "array-leading-comma": "[," + GOOD_REC + "]",
    "array-missing-comma": "[" + GOOD_REC + " " + GOOD_IA + "]",
    "array-unclosed": "[" + GOOD_REC + ",",
    "array-truncated-record": "[" + GOOD_REC + ', {"size":6',
    "array-text-after": "[" + GOOD_REC + "] trailing",
    "array-strings-with-brackets": '[{"id":"]}[{,","size":6,"grade":3},{"id":"\\"]","size":3,"grade":1}]',
    "array-scalars": "[1, true, null, \"x\", -0, 1e400]",
    "array-nested-arrays": "[[[[]]]]",
    "array-bom": b"\xef\xbb\xbf[" + GOOD_REC.encode() + b"]",
    "array-crlf": "[\r\n" + GOOD_REC + ",\r\n" + GOOD_IA + "\r\n]\r\n",
    "pretty-one": '{\n  "id": 5,\n  "size": 6,\n  "grade": 3\n}\n',
    "pretty-several": '{\n  "id": 5,\n  "size": 6,\n  "grade": 3\n}\n{\n  "id": 6,\n  "size": -1\n}\n',
    "pretty-no-final-newline": '{\n  "size": 6,\n  "grade": 3\n}',
    "pretty-truncated": '{\n  "size": 6,\n  "grade": 3\n',
    "pretty-then-ndjson": '{\n  "size": 6,\n  "grade": 3\n}\n' + GOOD_REC + "\n",
    "pretty-broken-then-ndjson": '{"size": 6,\n' + GOOD_REC + "\n" + GOOD_IA + "\n",
    "values-same-line": GOOD_REC + " " + GOOD_IA + "\n",
    "value-scalars": '{\n"size":6,"grade":3}\n42 "x" true\n',
    "two-arrays": "[" + GOOD_REC + "," + BAD_SIZE + "][" + GOOD_IA + "," + GOOD_REC + "]",
    "two-arrays-lines": "[" + GOOD_REC + "]\n[" + BAD_SIZE + "]\n",
    "array-trailing-comma": "[" + GOOD_REC + ",]",
    "array-wrong-bracket": "[" + GOOD_REC + ', {"size":[6}, ' + GOOD_IA + "]",
    "array-string-line-break": '[{"id":"a\nb","size":6}, ' + GOOD_REC + "]",
    "pretty-brace-column-0": '{\n"id": 7,\n"size":\n{"cm": 6},\n"grade": 3\n}\n',
    "lone-brace-blanks-crlf": "{ \t\r\n\"size\": 6,\r\n\"grade\": 3\r\n}\r\n",
    "ndjson-brace-then-text": '{ "id": 1,\n"size": 6}\n',
    "ndjson-truncated-id": '{"id":12',
    "utf16le-bom": "\ufeff{\"size\":6}\n".encode("utf-16-le"),
    "utf16be-no-bom": '{"size":6}\n'.encode("utf-16-be"),
    "empty": "",
    "blank-only": "\n\n  \r\n\t\n",
    "only-bom": b"\xef\xbb\xbf",
    # more than 256 records: batch stages them on worker threads
    "many-records": "".join(['{"size":%d,"grade":3}\n' % (i % 9), "{}\n", "1\n"][i % 3] for i in range(300)),
}
for name, data in STREAMS.items():
    write("fuzz_stream", name, data)

# Big inputs for the expanding mode of fuzz_stream: first byte 0x01, then "\x02" and three bytes
# B1 B2 B3 stand for the byte before them repeated B1 * 65536 + B2 * 256 + B3 more times (at most
# 3 MiB in all: see fuzz_stream.cpp).
MIB = 1 << 20


def repeat(ch, count):
    """Seed text that expands to `ch` (one byte) repeated `count` times."""
    if count <= 4:
        return ch * count
    more = count - 1
    assert more < (1 << 24)
    return ch + b"\x02" + more.to_bytes(3, "big")


def record_of_size(size):
    head = b'{"size":6,"grade":3,"id":"'
    tail = b'"}'
    return head + repeat(b"a", size - len(head) - len(tail)) + tail


BIG = {
    "big-record-exactly-1mib": record_of_size(MIB) + b"\n" + GOOD_IA.encode() + b"\n",
    "big-record-1mib-plus-1": record_of_size(MIB + 1) + b"\n" + GOOD_IA.encode() + b"\n",
    "big-record-1mib-crlf": record_of_size(MIB) + b"\r\n" + GOOD_IA.encode() + b"\r\n",
    "big-record-final-1mib-plus-1": GOOD_REC.encode() + b"\n" + record_of_size(MIB + 1),
    "big-record-several-mib": record_of_size(5 * MIB // 2) + b"\n" + BAD_SIZE.encode() + b"\n",
    "big-array-element-2mib": b"[" + GOOD_REC.encode() + b",\n" + record_of_size(2 * MIB) + b",\n"
    + BAD_SIZE.encode() + b"," + GOOD_IA.encode() + b"]",
    "big-blank-lines": repeat(b"\n", 2 * MIB) + GOOD_REC.encode() + b"\n",
    "big-crlf-blank-lines-then-long": b"\r\n" * 64 + record_of_size(MIB + 5) + b"\r\n" + GOOD_REC.encode() + b"\n",
    "big-truncated-first-line-at-chunk": b'{"size":6,"id":"' + repeat(b"b", 256 * 1024 - 16) + b"\n" + GOOD_REC.encode() + b"\n",
    "big-pretty-object": b'{\n"id":"' + repeat(b"c", 300 * 1024) + b'",\n"size":6,\n"grade":3\n}\n',
    "big-pretty-object-over-1mib": b'{\n"id":"' + repeat(b"c", MIB) + b'",\n"size":6\n}\n' + GOOD_REC.encode() + b"\n",
    "big-array-exactly-1mib-element": b"[" + record_of_size(MIB) + b"," + record_of_size(MIB + 1) + b"]",
}
for name, data in BIG.items():
    write("fuzz_stream", name, b"\x01" + data)
