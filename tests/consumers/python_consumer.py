"""The README's Python example, run as written: lmsstage from subprocess, its CSV read by the csv
module and its compact NDJSON by the json module, with counts and values checked.

Usage: python_consumer.py PROGRAM_DIR
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

COHORT = (
    "\ufeffid,site,size,grade,nodes\r\n"
    "T-001,extremity,65mm,3,\r\n"
    "\"Smith, J\",extremity,12,2,yes\r\n"
    "T-003,uterus,7,,\r\n"
    "T-004,trunk,-2,1,\r\n"
)


def readme_example():
    # --- as in the README ("From Python") ---
    run = subprocess.run(["lmsstage", "batch", "--exit-zero", "--to", "csv", "cohort.csv"],
                         capture_output=True, text=True, check=True)
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    staged = [row for row in rows if row["ok"] == "true"]
    # --- end of the README's example ---
    return rows, staged


def main():
    os.environ["PATH"] = sys.argv[1] + os.pathsep + os.environ["PATH"]
    failures = []
    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)
        with open("cohort.csv", "w", encoding="utf-8", newline="") as f:
            f.write(COHORT)
        rows, staged = readme_example()
        if len(rows) != 4 or len(staged) != 3:
            failures.append(f"{len(rows)} rows, {len(staged)} staged; expected 4 and 3")
        by_id = {row["id"]: row for row in rows}
        expected = {"T-001": ("III", "82.4"), "Smith, J": ("III", "59.8"), "T-003": ("IB", "60")}
        for case_id, (stage, percent) in expected.items():
            got = (by_id.get(case_id, {}).get("stage"), by_id.get(case_id, {}).get("survival_percent"))
            if got != (stage, percent):
                failures.append(f"{case_id}: stage and percent {got}, expected {(stage, percent)}")
        if by_id.get("T-004", {}).get("error_field") != "size":
            failures.append("T-004: the error row")
        compact = subprocess.run(["lmsstage", "batch", "--to", "ndjson", "--columns", "id,stage,notes", "cohort.csv"],
                                 capture_output=True, text=True)
        records = [json.loads(line) for line in compact.stdout.splitlines()]
        if compact.returncode != 65 or [r["stage"] for r in records] != ["III", "III", "IB", None]:
            failures.append(f"compact NDJSON: exit {compact.returncode}, {records!r}")
        if not isinstance(records[0]["notes"], list) or not records[0]["notes"]:
            failures.append("compact NDJSON: notes are not a list")
    for failure in failures:
        print("FAIL:", failure)
    if not failures:
        print("Python: subprocess, csv and json read lmsstage's output as the README shows")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
