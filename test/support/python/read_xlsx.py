"""Reads one XLSX with openpyxl, as read_exports.py does. Usage: read_xlsx.py XLSX. Prints JSON: every sheet's cell values."""
import json
import sys

from read_exports import sheets

print(json.dumps(sheets(sys.argv[1])))
