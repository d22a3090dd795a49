"""Named code-point sets and fold tables: the data every fold in `services.arabic` is built from.

Sets are strings of code points written as escapes (regex-class ready: ranges use `-`); tables map one
code point to its replacement. Nothing here is computed: importing this module only binds constants.
"""

from __future__ import annotations

# --- whitespace -------------------------------------------------------------------------------------------
# Whitespace folds one to one first (offsets do not move): horizontal spaces (tab, no-break space, ogham
# space, en/em/thin/hair spaces U+2000-200A, narrow no-break space, medium mathematical space, ideographic
# space) to U+0020, line breaks (VT, FF, CR, next line, line separator, paragraph separator) to U+000A.
# Then every run of spaces and newlines becomes one space, or one newline if it holds one.
SPACES: dict[str, str] = dict.fromkeys(
    "\u0009\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
    " ",
)
SPACES |= dict.fromkeys("\u000b\u000c\u000d\u0085\u2028\u2029", "\n")

# --- invisible characters, deleted from both views ---------------------------------------------------------
# C0/C1 controls other than the whitespace above, soft hyphen, Arabic number signs (U+0600-0605, U+06DD,
# U+08E2, prepended to digits by some encoders), Arabic letter mark, Mongolian vowel separator, zero-width
# space/non-joiner/joiner, LRM/RLM, bidi embeddings/overrides/isolates, word joiner and invisible operators,
# deprecated format characters, BOM / zero-width no-break space, interlinear annotation marks, surrogates
# (lone halves survive in Python strings decoded with `surrogatepass`), and the noncharacters U+FFFE/U+FFFF.
INVISIBLES = (
    "\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    + chr(0xD800)
    + "-"
    + chr(0xDFFF)
    + "\ufffe\uffff"
)

# --- Arabic presentation forms (PDF extraction, legacy encodings) -----------------------------------------
# Folded to base letters through the Unicode compatibility decomposition (see `presentation.py`).
PRESENTATION_FORMS = "\ufb50-\ufdff\ufe70-\ufefe"

# --- hamza composition (canonical, as NFC would do it) ------------------------------------------------------
# Decomposed input (letter + combining madda/hamza) is composed so both spellings look the same.
MADDA_ABOVE, HAMZA_ABOVE, HAMZA_BELOW = "\u0653", "\u0654", "\u0655"
HAMZA_COMPOSITION: dict[str, str] = {
    "\u0627\u0653": "\u0622",  # alef + madda -> alef with madda above
    "\u0627\u0654": "\u0623",  # alef + hamza above -> alef with hamza above
    "\u0627\u0655": "\u0625",  # alef + hamza below -> alef with hamza below
    "\u0648\u0654": "\u0624",  # waw + hamza above -> waw with hamza
    "\u064a\u0654": "\u0626",  # yeh + hamza above -> yeh with hamza
    "\u06c1\u0654": "\u06c2",  # heh goal + hamza above
    "\u06d2\u0654": "\u06d3",  # yeh barree + hamza above
    "\u06d5\u0654": "\u06c0",  # ae + hamza above -> heh with yeh above
}
HAMZA_BASES = "\u0627\u0648\u064a\u06c1\u06d2\u06d5"

# --- digits and numeric punctuation ---------------------------------------------------------------------
DIGITS: dict[str, str] = {chr(0x0660 + i): str(i) for i in range(10)}  # Arabic-Indic ٠-٩
DIGITS |= {chr(0x06F0 + i): str(i) for i in range(10)}  # Extended (Persian/Urdu) ۰-۹
DIGITS |= {"\u066a": "%", "\u066b": ".", "\u066c": ","}  # Arabic percent, decimal and thousands separators

# --- quotes and dashes -------------------------------------------------------------------------------------
QUOTES: dict[str, str] = dict.fromkeys(
    "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033\u301d\u301e\uff02", '"'
)  # guillemets, curly/low double quotes, double prime, CJK and fullwidth double quotes
QUOTES |= dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2039\u203a\uff07", "'")  # single quotes, prime
DASHES: dict[str, str] = dict.fromkeys(
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"
)  # hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus, small and fullwidth dashes

# --- match-key folds ---------------------------------------------------------------------------------------
# Diacritics: honorific/Quranic small signs U+0610-061A, tanwin, short vowels, shadda, sukun, madda, combining
# hamza and the other marks U+064B-065F, superscript alef U+0670, Quranic annotation marks U+06D6-06ED
# (minus the letters/signs U+06DD, U+06DE, U+06E5, U+06E6, U+06E9) and Arabic Extended-A marks U+08D3-08FF.
DIACRITICS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u08d3-\u08e1\u08e3-\u08ff"
)
TATWEEL = "\u0640"
ALEF = "\u0627"
# Alef with madda, hamza above, hamza below, wasla, wavy hamza above/below, high hamza alef.
ALEF_VARIANTS = "\u0622\u0623\u0625\u0671\u0672\u0673\u0675"
ALEF_MAKSURA, YEH = "\u0649", "\u064a"
TEH_MARBUTA = "\u0629\u06c3"  # teh marbuta, teh marbuta goal (Urdu)
HEH = "\u0647"
HAMZA = "\u0621"
HAMZA_SEATS = "\u0624\u0626\u0676\u0678\u06d3"  # waw/yeh with hamza, high hamza waw/yeh, yeh barree + hamza
# Persian/Urdu shapes of letters Arabic also has: same letter, other glyph.
PERSIAN_VARIANTS: dict[str, str] = {
    "\u06a9": "\u0643",  # keheh -> kaf
    "\u06aa": "\u0643",  # swash kaf -> kaf
    "\u06cc": "\u064a",  # farsi yeh -> yeh
    "\u06cd": "\u064a",  # yeh with tail -> yeh
    "\u06d0": "\u064a",  # yeh (e) -> yeh
    "\u06d2": "\u064a",  # yeh barree -> yeh
    "\u0620": "\u064a",  # kashmiri yeh -> yeh
    "\u06c0": "\u0647",  # heh with yeh above -> heh
    "\u06c1": "\u0647",  # heh goal -> heh
    "\u06c2": "\u0647",  # heh goal with hamza above -> heh
    "\u06be": "\u0647",  # heh doachashmee -> heh
    "\u06d5": "\u0647",  # ae -> heh
}
# Letters for sounds Arabic lacks, folded to the letter Arabic writers use for them in names.
FOREIGN_LETTERS: dict[str, str] = {
    "\u067e": "\u0628",  # peh -> beh
    "\u0686": "\u062c",  # tcheh -> jeem
    "\u0698": "\u0632",  # jeh -> zain
    "\u06a4": "\u0641",  # veh -> feh
    "\u06af": "\u0643",  # gaf -> kaf
}

# --- language gate ------------------------------------------------------------------------------------------
# Arabic-script letters (Arabic, Supplement, Extended-A, presentation forms are folded before counting).
ARABIC_LETTERS = (
    "\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9"
)
