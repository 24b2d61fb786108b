"""Reads an iCalendar file with Python's icalendar (Debian python3-icalendar)
and prints one JSON object per event or to-do, sorted by UID, in the shape
validators_test.go expects. Run with Debian's /usr/bin/python3."""
import datetime
import json
import sys

import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
out = []
for comp in cal.walk():
    if comp.name not in ("VEVENT", "VTODO"):
        continue
    start = comp.decoded("DTSTART" if comp.name == "VEVENT" else "DUE")
    if isinstance(start, datetime.datetime):
        start = start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    else:
        start = start.isoformat()
    out.append({
        "uid": str(comp["UID"]),
        "summary": str(comp["SUMMARY"]),
        "description": str(comp["DESCRIPTION"]),
        "start": start,
        "status": str(comp["STATUS"]),
        "sequence": int(comp["SEQUENCE"]),
        "alarms": sum(1 for s in comp.subcomponents if s.name == "VALARM"),
    })
out.sort(key=lambda o: o["uid"])
for o in out:
    print(json.dumps(o, ensure_ascii=False, sort_keys=True))
