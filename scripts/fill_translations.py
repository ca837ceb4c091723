"""Fill empty msgstr entries of .po catalogues from a Python dict: `fill_translations.py DICT.py PO...`.

The dict maps msgid (or (msgctxt, msgid), or (msgid,) for plurals -> list of forms) to the translation.
Entries already translated are kept; prints what is still missing.
"""

import runpy
import sys

import polib


def main() -> int:
    table = runpy.run_path(sys.argv[1])["T"]
    missing = 0
    for path in sys.argv[2:]:
        po = polib.pofile(path)
        for entry in po:
            if entry.obsolete:
                continue
            key = (entry.msgctxt, entry.msgid) if entry.msgctxt else entry.msgid
            if "fuzzy" in entry.flags:
                # makemessages guessed from a similar string: the guess is often wrong, never keep it.
                entry.flags.remove("fuzzy")
                entry.msgstr = ""
                entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
                entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            if entry.msgid_plural:
                forms = table.get((entry.msgid,))
                if forms and not all(entry.msgstr_plural.values()):
                    entry.msgstr_plural = dict(enumerate(forms))
            elif key in table and not entry.msgstr:
                entry.msgstr = table[key]
            done = all(entry.msgstr_plural.values()) if entry.msgid_plural else bool(entry.msgstr)
            if not done:
                missing += 1
                print(f"{path}: missing {key!r}")
        po.save()
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
