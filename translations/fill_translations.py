#!/usr/bin/env python3
"""Completes the catalogues after `cmake --build build --target update_translations`.

fathom_en.ts: every message translated as its source (numerus: singular and plural forms made
from "(s)"). fathom_ko.ts: translations already there are kept; new ones come from a JSON file
of {"English source": "Korean text"} given as the first argument. Prints what is still missing;
tst_translations fails until nothing is.

    python3 translations/fill_translations.py new-korean.json
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent


def english_forms(source):
    return [re.sub(r'\((s|es)\)', '', source), re.sub(r'\((s|es)\)', r'\1', source)]


def write(tree, path):
    with open(path, 'wb') as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding='utf-8', xml_declaration=False)
        f.write(b'\n')


def set_translation(translation, forms, numerus):
    for child in list(translation):
        translation.remove(child)
    translation.attrib.pop('type', None)
    if numerus:
        translation.text = None
        for form in forms:
            ET.SubElement(translation, 'numerusform').text = form
    else:
        translation.text = forms[0]


def fill(path, table):
    tree = ET.parse(path)
    missing = []
    for message in tree.iter('message'):
        source = message.find('source').text
        translation = message.find('translation')
        numerus = message.get('numerus') == 'yes'
        if table is None:
            set_translation(translation, english_forms(source) if numerus else [source], numerus)
        elif source in table:
            set_translation(translation, [table[source]], numerus)
        elif translation.get('type') is not None or not ''.join(translation.itertext()).strip():
            missing.append(source)
    write(tree, path)
    return missing


if __name__ == '__main__':
    korean = json.load(open(sys.argv[1], encoding='utf-8')) if len(sys.argv) > 1 else {}
    fill(HERE / 'fathom_en.ts', None)
    missing = fill(HERE / 'fathom_ko.ts', korean)
    for source in missing:
        print('missing Korean:', repr(source))
    sys.exit(1 if missing else 0)
