"""Checks that other programs read lmsstage's CSV/TSV output back cell for cell.

Usage: check_csv_consumers.py python|sqlite3 csv|tsv SAMPLE_PROGRAM WORK_DIR
  python:  Python's csv module (RFC 4180 dialect 'excel', or 'excel-tab' for TSV)
  sqlite3: the sqlite3 shell's `.import --csv` (CSV only)
"""
import csv
import json
import os
import subprocess
import sys


def sample(program, fmt, work_dir):
    data = os.path.join(work_dir, f"sample-{sys.argv[1]}.{fmt}")
    expected = os.path.join(work_dir, f"sample-{sys.argv[1]}-{fmt}.json")
    subprocess.run([program, fmt, data, expected], check=True)
    with open(expected, encoding="utf-8") as f:
        return data, json.load(f)


def read_with_python(path, fmt):
    dialect = "excel-tab" if fmt == "tsv" else "excel"
    with open(path, newline="", encoding="utf-8") as f:
        return [row for row in csv.reader(f, dialect=dialect)]


def read_with_sqlite3(path, header):
    columns = ", ".join(header)
    query = f"SELECT json_group_array(json_array({columns})) FROM (SELECT * FROM t ORDER BY rowid);"
    result = subprocess.run(["sqlite3", ":memory:", f".import --csv {path} t", query],
                            check=True, capture_output=True, text=True, encoding="utf-8")
    return [header] + json.loads(result.stdout)


def main():
    consumer, fmt, program, work_dir = sys.argv[1:5]
    path, expected = sample(program, fmt, work_dir)
    if consumer == "python":
        got = read_with_python(path, fmt)
    else:
        got = read_with_sqlite3(path, expected[0])
    if got != expected:
        print(f"{consumer} read {fmt} differently:\n got      {got!r}\n expected {expected!r}")
        return 1
    print(f"{consumer} read {len(got)} rows of {len(got[0])} cells back exactly ({fmt})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
