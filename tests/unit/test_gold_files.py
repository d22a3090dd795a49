"""Consistency checks for the hand-written gold event files (devset to devset17 and heldout).

The test reads only the fixtures (articles and gold.jsonl); it never runs the extractor.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SETS = (
    "devset",
    "devset2",
    "devset3",
    "devset4",
    "devset5",
    "devset6",
    "devset7",
    "devset8",
    "devset9",
    "devset10",
    "devset11",
    "devset12",
    "devset13",
    "devset14",
    "devset15",
    "devset16",
    "devset17",
    "heldout",
)
MIN_ARTICLES = {
    "devset": 45,
    "devset2": 40,
    "devset3": 40,
    "devset4": 50,
    "devset5": 45,
    "devset6": 45,
    "devset7": 45,
    "devset8": 8,
    "devset9": 46,
    "devset10": 55,
    "devset11": 66,
    "devset12": 84,
    "devset13": 63,
    "devset14": 70,
    "devset15": 68,
    "devset16": 64,
    "devset17": 59,
    "heldout": 15,
}

TOP_KEYS = {"id", "published", "diplomatic", "events", "topics", "figures", "attribution", "notes"}
EVENT_KEYS = {"primary", "type", "mode", "cameo", "source", "target", "date", "location", "status"}
OPTIONAL_EVENT_KEYS = {"participants"}
ACTOR_KEYS = {"name_en", "name_ar", "country", "role"}
FIGURE_KEYS = {"text_ar", "quantity", "value", "unit"}


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


PLOVER_TYPES = _wordset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT"
)
MODES = {"phone", "visit", "host", "third-party", "multilateral", "message", "negotiation", None}
STATUSES = {"occurred", "planned", "denied", "hypothetical"}
ROLES = _wordset(
    "head_of_state head_of_government foreign_minister minister ambassador envoy royal military organization state "
    "other"
)
ISO3 = _wordset(
    "ARE SAU KWT QAT BHR OMN YEM IRQ IRN TUR SYR LBN JOR PSE ISR EGY SDN LBY TUN DZA MAR "
    "MRT USA RUS CHN FRA GBR DEU ITA ESP NLD UKR IND PAK JPN GRC AZE TKM AFG ETH BEL KEN "
    # devset3: Latin America, Africa, Central and South-East Asia, the Nordic countries and the Balkans
    "BLR CUB BRA IDN SWE SEN NOR IRL MEX ZAF ALB UZB ARG DNK MYS POL KGZ SGP COL BOL CHL HND SOM KAZ COD RWA "
    # devset4: Latin America, the Sahel, the Koreas, the Holy See and others its articles name
    "VEN CRI PAN PER DOM URY PRT CYP CHE MLI NER BFA SSD CAN AUS KOR PRK VAT COG "
    # devset5: West Africa and the others its articles name
    "NGA GHA NAM TCD ARM "
    # devset4 056 (tour stops, session 7)
    "UGA "
    # devset6: the Balkans and central Europe
    "SRB HUN ERI VNM "
    # devset7
    "ECU THA KHM "
    # devset8
    "NZL "
    # devset9
    "TJK GMB "
    # devset10
    "TTO "
    # devset12
    "NIC ZWE TGO CIV GUY "
    # devset13
    "SVN "
    # devset14
    "GEO PHL COM BGD "
    # devset16: stops of King Salman's Asian tour (2017)
    "BRN MDV "
    # devset17: Fischer in Tehran (2015)
    "AUT"
)
# IGO codes as igos.tsv's actor_country gives them (EEC = European Union, ASN = ASEAN, IAE = the IAEA)
IGO = {"UNO", "ARL", "GCC", "EEC", "AFU", "OIC", "NAT", "ASN", "SCO", "IAE"}
COUNTRIES = ISO3 | IGO

# CAMEO code prefixes (root or exact code) allowed for each PLOVER type used in the gold.
CAMEO_FOR_TYPE = {
    "AGREE": ("03", "057"),
    "CONSULT": ("04",),
    "SUPPORT": ("05",),
    "COOPERATE": ("06",),
    "AID": ("07",),
    "CONCEDE": ("08",),
    "REQUEST": ("02",),
    "ACCUSE": ("11",),
    "REJECT": ("12",),
    "THREATEN": ("13",),
    "PROTEST": ("14",),
    "SANCTION": ("16",),
    "MOBILIZE": ("15",),
    "COERCE": ("17",),
    "ASSAULT": ("18", "19", "20"),
    "RETREAT": ("08",),
}
CAMEO_FOR_MODE = {
    "phone": "041",
    "visit": "042",
    "host": "043",
    "third-party": "044",
    "negotiation": "046",
    "multilateral": "040",
    "message": "040",
}

# Terms of office (inclusive start, exclusive end) of office holders that appear in the gold files,
# so that an article's date is consistent with who held the office.
TERMS: dict[str, tuple[str, str]] = {
    "Ebrahim Raisi": ("2021-08-03", "2024-05-20"),
    "Masoud Pezeshkian": ("2024-07-28", "2099-01-01"),
    "Joe Biden": ("2021-01-20", "2025-01-20"),
    "Donald Trump": ("2025-01-20", "2029-01-20"),
    "Mishal Al-Ahmad Al-Jaber Al-Sabah": ("2023-12-16", "2099-01-01"),
    "Nawaf Al-Ahmad Al-Jaber Al-Sabah": ("2020-09-29", "2023-12-16"),
    "Mohamed bin Zayed Al Nahyan": ("2022-05-14", "2099-01-01"),
    "Joseph Aoun": ("2025-01-09", "2099-01-01"),
    "Ahmed al-Sharaa": ("2025-01-29", "2099-01-01"),
    "Nawaf Salam": ("2025-02-08", "2099-01-01"),
    "Najib Mikati": ("2021-09-10", "2025-02-08"),
    "Abdallah Bou Habib": ("2021-09-10", "2025-02-08"),
    "Badr Abdelatty": ("2024-07-03", "2099-01-01"),
    "Sameh Shoukry": ("2014-06-17", "2024-07-03"),
    "Abbas Araghchi": ("2024-08-21", "2099-01-01"),
    "Hossein Amir-Abdollahian": ("2021-08-25", "2024-05-20"),
    "Hakan Fidan": ("2023-06-04", "2099-01-01"),
    "Antony Blinken": ("2021-01-26", "2025-01-20"),
    "Marco Rubio": ("2025-01-21", "2099-01-01"),
    "Keir Starmer": ("2024-07-05", "2099-01-01"),
    "David Lammy": ("2024-07-05", "2025-09-05"),
    "Kaja Kallas": ("2024-12-01", "2099-01-01"),
    "Josep Borrell": ("2019-12-01", "2024-12-01"),
    "Ramtane Lamamra": ("2021-07-07", "2023-03-18"),
    "Ahmed Attaf": ("2023-03-18", "2099-01-01"),
    "Nabil Ammar": ("2023-02-07", "2024-08-25"),
    "Mohamed Ali Nafti": ("2024-08-25", "2099-01-01"),
    "Abdullah Al-Yahya": ("2024-06-16", "2099-01-01"),
    "Salem Abdullah Al-Jaber Al-Sabah": ("2022-08-01", "2024-06-16"),
    "Jafar Hassan": ("2024-09-18", "2099-01-01"),
    "Bisher Al-Khasawneh": ("2020-10-12", "2024-09-18"),
    "Sabah Al-Khalid Al-Sabah": ("2024-06-01", "2099-01-01"),
    "Friedrich Merz": ("2025-05-06", "2099-01-01"),
    "Andrii Sybiha": ("2024-09-05", "2099-01-01"),
    "Ahmad Abdullah Al-Ahmad Al-Sabah": ("2024-05-15", "2099-01-01"),
    "Rashad al-Alimi": ("2022-04-07", "2099-01-01"),
    "Olaf Scholz": ("2021-12-08", "2025-05-06"),
    "Asaad al-Shaibani": ("2024-12-21", "2099-01-01"),
    "Andrei Belousov": ("2024-05-14", "2099-01-01"),
    "Mahmoud al-Mashhadani": ("2024-10-31", "2099-01-01"),
    "Mahmoud Ali Youssouf": ("2025-02-15", "2099-01-01"),
    "Li Qiang": ("2023-03-11", "2099-01-01"),
    "Khalid bin Salman Al Saud": ("2022-09-27", "2099-01-01"),
    "Yasar Guler": ("2023-06-03", "2099-01-01"),
    "Shehbaz Sharif": ("2024-03-04", "2099-01-01"),
    "Mohammed bin Salman": ("2022-09-27", "2099-01-01"),
    "Khaled bin Mohamed bin Zayed Al Nahyan": ("2023-03-29", "2099-01-01"),
    "Mohammed Shia al-Sudani": ("2022-10-27", "2099-01-01"),
    "Ali Larijani": ("2025-08-05", "2099-01-01"),
    "Staffan de Mistura": ("2021-10-06", "2099-01-01"),
    "Morgan Ortagus": ("2025-01-20", "2099-01-01"),
    "Bruno Retailleau": ("2024-09-21", "2025-10-12"),
    "Jean-Noel Barrot": ("2024-09-21", "2099-01-01"),
    "Antonio Tajani": ("2022-10-22", "2099-01-01"),
    "Giorgia Meloni": ("2022-10-22", "2099-01-01"),
    "Fuad Hussein": ("2020-06-06", "2099-01-01"),
    "Charles Michel": ("2019-12-01", "2024-12-01"),
    "Alexander De Croo": ("2020-10-01", "2025-02-03"),
    "Ahmed Hachani": ("2023-08-02", "2024-08-07"),
    "Mohammad Mokhber": ("2024-05-20", "2024-07-28"),
    "Jasem Mohamed Albudaiwi": ("2023-02-01", "2099-01-01"),
    "Hans Grundberg": ("2021-08-05", "2099-01-01"),
    "Aziz Nasirzadeh": ("2024-08-21", "2099-01-01"),
    "Ahmed Aboul Gheit": ("2016-07-01", "2099-01-01"),
    "Bashar al-Assad": ("2000-07-17", "2024-12-08"),
    "William Ruto": ("2022-09-13", "2099-01-01"),
    # devset3
    "Luiz Inacio Lula da Silva": ("2023-01-01", "2099-01-01"),
    "Prabowo Subianto": ("2024-10-20", "2099-01-01"),
    "Tamim bin Hamad Al Thani": ("2013-06-25", "2099-01-01"),
    "Abdel Fattah el-Sisi": ("2014-06-08", "2099-01-01"),
    "Hulusi Akar": ("2018-07-10", "2023-06-04"),
    "Pal Jonson": ("2022-10-18", "2099-01-01"),
    "Mohamed Ould Ghazouani": ("2019-08-01", "2099-01-01"),
    "Bassirou Diomaye Faye": ("2024-04-02", "2099-01-01"),
    "Jonas Gahr Store": ("2021-10-14", "2099-01-01"),
    "Pedro Sanchez": ("2018-06-02", "2099-01-01"),
    "Simon Harris": ("2024-04-09", "2025-01-23"),
    "Israel Katz": ("2024-01-02", "2024-11-07"),
    "Salman bin Abdulaziz Al Saud": ("2015-01-23", "2099-01-01"),
    "Claudia Sheinbaum": ("2024-10-01", "2099-01-01"),
    "Mohammad Javad Zarif": ("2013-08-15", "2021-08-25"),
    "Cyril Ramaphosa": ("2018-02-15", "2099-01-01"),
    "Xi Jinping": ("2013-03-14", "2099-01-01"),
    "Narendra Modi": ("2014-05-26", "2099-01-01"),
    "Sergey Lavrov": ("2004-03-09", "2099-01-01"),
    "Edi Rama": ("2013-09-15", "2099-01-01"),
    "Faisal Mekdad": ("2020-11-22", "2024-12-08"),
    "Faisal bin Farhan Al Saud": ("2019-10-23", "2099-01-01"),
    "Abdullatif bin Rashid Al Zayani": ("2020-02-11", "2099-01-01"),
    "Nikos Dendias": ("2019-07-09", "2023-06-26"),
    "Shavkat Mirziyoyev": ("2016-09-08", "2099-01-01"),
    "Mauro Vieira": ("2023-01-01", "2099-01-01"),
    "Qaboos bin Said": ("1970-07-23", "2020-01-10"),
    "Mahmoud Abbas": ("2005-01-15", "2099-01-01"),
    "Ali Shamkhani": ("2013-09-10", "2023-05-22"),
    "Nayef Falah Al-Hajraf": ("2020-04-01", "2023-02-01"),
    "Recep Tayyip Erdogan": ("2014-08-28", "2099-01-01"),
    "Antonio Guterres": ("2017-01-01", "2099-01-01"),
    "Joko Widodo": ("2014-10-20", "2024-10-20"),
    "Anwar Ibrahim": ("2022-11-24", "2099-01-01"),
    "Kao Kim Hourn": ("2023-01-01", "2099-01-01"),
    "Javier Milei": ("2023-12-10", "2099-01-01"),
    "Federica Mogherini": ("2014-11-01", "2019-12-01"),
    "Hassan Rouhani": ("2013-08-03", "2021-08-03"),
    "Laurent Fabius": ("2012-05-16", "2016-02-11"),
    "Abdoulaye Bathily": ("2022-09-02", "2024-05-31"),
    "Abdul Hamid Dbeibah": ("2021-03-15", "2099-01-01"),
    "Eli Cohen": ("2023-01-02", "2024-01-02"),
    "Mustafa Al-Kadhimi": ("2020-05-07", "2022-10-27"),
    "Volodymyr Zelensky": ("2019-05-20", "2099-01-01"),
    "Sadyr Japarov": ("2021-01-28", "2099-01-01"),
    "Hamad bin Isa Al Khalifa": ("2002-02-14", "2099-01-01"),
    "Vivian Balakrishnan": ("2015-10-01", "2099-01-01"),
    "Badr Albusaidi": ("2020-08-18", "2099-01-01"),
    "Hissein Brahim Taha": ("2021-11-01", "2099-01-01"),
    "Haitham bin Tariq": ("2020-01-11", "2099-01-01"),
    "Abdelmadjid Tebboune": ("2019-12-19", "2099-01-01"),
    "Sabah Al-Ahmad Al-Jaber Al-Sabah": ("2006-01-29", "2020-09-29"),
    "Haider al-Abadi": ("2014-09-08", "2018-10-25"),
    "Rex Tillerson": ("2017-02-01", "2018-03-31"),
    "Mohamed al-Menfi": ("2021-03-15", "2099-01-01"),
    "Abdullah II": ("1999-02-07", "2099-01-01"),
    "Ursula von der Leyen": ("2019-12-01", "2099-01-01"),
    "Antonio Costa": ("2024-12-01", "2099-01-01"),
    "Mark Rutte": ("2024-10-01", "2099-01-01"),
    "Gustavo Petro": ("2022-08-07", "2026-08-07"),
    "Hassan Sheikh Mohamud": ("2022-05-23", "2099-01-01"),
    "Abdel Mageed Saqr": ("2024-07-03", "2099-01-01"),
    "Kassym-Jomart Tokayev": ("2019-03-20", "2099-01-01"),
    "Felix Tshisekedi": ("2019-01-24", "2099-01-01"),
    "Paul Kagame": ("2000-04-22", "2099-01-01"),
    "Espen Barth Eide": ("2023-10-16", "2099-01-01"),
    "Mohammed VI": ("1999-07-23", "2099-01-01"),
    # devset4: Latin America, the Sahel, the Koreas, the Holy See and others its articles name
    "Ayman Safadi": ("2017-01-15", "2099-01-01"),
    "Johann Wadephul": ("2025-05-06", "2099-01-01"),
    "Nasser Bourita": ("2017-04-05", "2099-01-01"),
    "Paulo Rangel": ("2024-04-02", "2099-01-01"),
    "Abiy Ahmed": ("2018-04-02", "2099-01-01"),
    "Wang Yi": ("2023-07-25", "2099-01-01"),
    "Ishaq Dar": ("2024-03-11", "2099-01-01"),
    "Amir Khan Muttaqi": ("2021-09-07", "2099-01-01"),
    "Sergio Mattarella": ("2015-02-03", "2099-01-01"),
    "Nikos Christodoulides": ("2023-02-28", "2099-01-01"),
    "Steve Witkoff": ("2025-01-20", "2099-01-01"),
    "Mohammed bin Abdulrahman Al Thani": ("2023-03-07", "2099-01-01"),
    "Maria Zakharova": ("2015-08-10", "2099-01-01"),
    "Takeshi Iwaya": ("2024-10-01", "2025-10-21"),
    "Gideon Saar": ("2024-11-07", "2099-01-01"),
    "Ignazio Cassis": ("2017-11-01", "2099-01-01"),
    "Vladimir Putin": ("2012-05-07", "2099-01-01"),
    "Abdel Fattah al-Burhan": ("2019-08-21", "2099-01-01"),
    "Salva Kiir Mayardit": ("2011-07-09", "2099-01-01"),
    "Ilham Aliyev": ("2003-10-31", "2099-01-01"),
    "Sanae Takaichi": ("2025-10-21", "2099-01-01"),
    "Kais Saied": ("2019-10-23", "2099-01-01"),
    "Kim Jong Un": ("2011-12-17", "2099-01-01"),
    "Lee Jae-myung": ("2025-06-04", "2099-01-01"),
    "Karol Nawrocki": ("2025-08-06", "2099-01-01"),
    "Rafael Grossi": ("2019-12-03", "2099-01-01"),
    "Barack Obama": ("2009-01-20", "2017-01-20"),
    "Moon Jae-in": ("2017-05-10", "2022-05-10"),
    "Pope Francis": ("2013-03-13", "2025-04-21"),
    "Barham Salih": ("2018-10-02", "2022-10-17"),
    "Abdullah bin Zayed Al Nahyan": ("2006-02-09", "2099-01-01"),
    # devset5
    "Emmanuel Macron": ("2017-05-14", "2099-01-01"),
    "Bola Tinubu": ("2023-05-29", "2099-01-01"),
    "John Dramani Mahama": ("2025-01-07", "2099-01-01"),
    "Subrahmanyam Jaishankar": ("2019-05-30", "2099-01-01"),
    "Denis Manturov": ("2024-05-14", "2099-01-01"),
    "Giorgos Gerapetritis": ("2023-06-27", "2099-01-01"),
    "Kyriakos Mitsotakis": ("2023-06-26", "2099-01-01"),
    "Abdul Latif Rashid": ("2022-10-17", "2099-01-01"),
    "Annalena Baerbock": ("2021-12-08", "2025-05-06"),
    "Mansour bin Zayed Al Nahyan": ("2023-03-29", "2099-01-01"),
    "Yusuf Tuggar": ("2023-08-21", "2099-01-01"),
    "Penny Wong": ("2022-05-23", "2099-01-01"),
    "Shigeru Ishiba": ("2024-10-01", "2025-10-21"),
    "Nikol Pashinyan": ("2018-05-08", "2099-01-01"),
    "Nicolas Maduro": ("2013-04-19", "2099-01-01"),
    "Felipe VI": ("2014-06-19", "2099-01-01"),
    "Raul Castro": ("2008-02-24", "2018-04-19"),
    # devset6
    "Justin Trudeau": ("2015-11-04", "2025-03-14"),
    "Aleksandar Vucic": ("2017-05-31", "2099-01-01"),
    "Isaias Afwerki": ("1993-05-24", "2099-01-01"),
    "To Lam": ("2024-05-22", "2024-10-21"),
    "Nguyen Phu Trong": ("2011-01-19", "2024-07-19"),
    "Pham Minh Chinh": ("2021-04-05", "2099-01-01"),
    "Tom Barrack": ("2025-05-23", "2099-01-01"),
    # devset7
    "Andres Manuel Lopez Obrador": ("2018-12-01", "2024-10-01"),
    "Radoslaw Sikorski": ("2023-12-13", "2099-01-01"),
    "Nabih Berri": ("1992-10-20", "2099-01-01"),
    "Mike Waltz": ("2025-01-20", "2025-05-01"),
    "Hanna Tetteh": ("2025-01-24", "2099-01-01"),
    "Jose Manuel Albares": ("2021-07-12", "2099-01-01"),
    "Youssef Rajji": ("2025-02-08", "2099-01-01"),
    "Hun Manet": ("2023-08-22", "2099-01-01"),
    "Adel al-Jubeir": ("2015-04-29", "2018-12-27"),
    # devset8
    "Pete Hegseth": ("2025-01-25", "2099-01-01"),
    "Michael Kurilla": ("2022-04-01", "2025-08-08"),
    "Mohammed bin Rashid Al Maktoum": ("2006-01-04", "2099-01-01"),
    "Murhaf Abu Qasra": ("2024-12-21", "2099-01-01"),
    "Michel Barnier": ("2024-09-05", "2024-12-13"),
    "Salman bin Hamad Al Khalifa": ("2020-11-11", "2099-01-01"),
    "Lloyd Austin": ("2021-01-22", "2025-01-20"),
    "Anthony Albanese": ("2022-05-23", "2099-01-01"),
    "Mostafa Madbouly": ("2018-06-07", "2099-01-01"),
    "Luigi Di Maio": ("2023-06-01", "2099-01-01"),
    "Aziz Akhannouch": ("2021-10-07", "2099-01-01"),
    "Ali Bagheri Kani": ("2024-05-20", "2024-08-21"),
    "Jean-Yves Le Drian": ("2023-06-07", "2099-01-01"),
    "Alexander Lukashenko": ("1994-07-20", "2099-01-01"),
    "Vahagn Khachaturyan": ("2022-03-13", "2099-01-01"),
    "Mario Draghi": ("2021-02-13", "2022-10-22"),
    "Abdoulaye Diop": ("2021-06-07", "2099-01-01"),
    # devset9
    "Dong Jun": ("2023-12-29", "2099-01-01"),
    "Constantinos Kombos": ("2023-03-01", "2099-01-01"),
    "Emomali Rahmon": ("1994-11-16", "2099-01-01"),
    "Numan Kurtulmus": ("2023-06-02", "2099-01-01"),
    "Mohammad Bagheri": ("2016-06-28", "2025-06-13"),
    # devset10
    "Mohammad Hasan Akhund": ("2021-09-07", "2099-01-01"),
    "Mark Carney": ("2025-03-14", "2099-01-01"),
    "Pope Leo XIV": ("2025-05-08", "2099-01-01"),
    "JD Vance": ("2025-01-20", "2029-01-20"),
    "Mikhail Mishustin": ("2020-01-16", "2099-01-01"),
    "Michel Menassa": ("2025-02-08", "2099-01-01"),
    # devset11
    "Viktor Orban": ("2010-05-29", "2099-01-01"),
    "Yoon Suk Yeol": ("2022-05-10", "2025-04-04"),
    "Anwaar-ul-Haq Kakar": ("2023-08-14", "2024-03-04"),
    "Asif Ali Zardari": ("2024-03-10", "2099-01-01"),
    "Charles III": ("2022-09-08", "2099-01-01"),
    "Choe Son Hui": ("2022-06-11", "2099-01-01"),
    "Ararat Mirzoyan": ("2021-08-19", "2099-01-01"),
    "Jeyhun Bayramov": ("2020-07-16", "2099-01-01"),
    "Asim Munir": ("2022-11-29", "2099-01-01"),
    "Bassam Sabbagh": ("2024-09-23", "2024-12-08"),
    "Benjamin Netanyahu": ("2022-12-29", "2099-01-01"),
    "Ali Khamenei": ("1989-06-04", "2099-01-01"),
    "Francois Hollande": ("2012-05-15", "2017-05-14"),
    "Matteo Renzi": ("2014-02-22", "2016-12-12"),
    "Shinzo Abe": ("2012-12-26", "2020-09-16"),
    # devset13
    "Peter Szijjarto": ("2014-09-23", "2099-01-01"),
    "Sugiono": ("2024-10-21", "2099-01-01"),
    "Tanja Fajon": ("2022-06-01", "2099-01-01"),
    "Serdar Berdimuhamedow": ("2022-03-19", "2099-01-01"),
    "Mohammad Bagher Ghalibaf": ("2020-05-28", "2099-01-01"),
    "Luis Arce": ("2020-11-08", "2025-11-08"),
    "Dina Boluarte": ("2022-12-07", "2025-10-10"),
    "John Healey": ("2024-07-05", "2099-01-01"),
    "Droupadi Murmu": ("2022-07-25", "2099-01-01"),
    "Viktor Khrenin": ("2021-01-20", "2099-01-01"),
    "Toshimitsu Motegi": ("2025-10-21", "2099-01-01"),
    "Michel Aoun": ("2016-10-31", "2022-10-31"),
    "Isaac Herzog": ("2021-07-07", "2099-01-01"),
    # devset14
    "Tammam Salam": ("2014-02-15", "2016-12-18"),
    "Yair Lapid": ("2021-06-13", "2022-07-01"),
    "Naftali Bennett": ("2021-06-13", "2022-06-30"),
    "Abdullah bin Nasser bin Khalifa Al Thani": ("2013-06-26", "2020-01-28"),
    "Ioannis Kasoulides": ("2013-03-01", "2018-03-01"),
    "Mike Pompeo": ("2018-04-26", "2021-01-20"),
    "Yoweri Museveni": ("1986-01-29", "2099-01-01"),
    "Beji Caid Essebsi": ("2014-12-31", "2019-07-25"),
    "Theresa May": ("2016-07-13", "2019-07-24"),
    "Mike Pence": ("2017-01-20", "2021-01-20"),
    "Dmytro Kuleba": ("2020-03-04", "2024-09-05"),
    "Saadeddine Othmani": ("2017-04-05", "2021-10-07"),
    "Sheikh Hasina": ("2009-01-06", "2024-08-05"),
    "Alberto Fernandez": ("2019-12-10", "2023-12-10"),
    "Angela Merkel": ("2005-11-22", "2021-12-08"),
    "Sooronbay Jeenbekov": ("2017-11-24", "2020-10-15"),
    "Ahmet Davutoglu": ("2014-08-28", "2016-05-24"),
    "Dick Schoof": ("2024-07-02", "2099-01-01"),
    "Caspar Veldkamp": ("2024-07-02", "2025-08-23"),
    "John Kerry": ("2013-02-01", "2017-01-20"),
    # devset15
    "Ibrahim al-Jaafari": ("2014-09-08", "2018-10-25"),
    "Hammouda Sabbagh": ("2017-09-28", "2024-12-08"),
    "Mevlut Cavusoglu": ("2015-11-24", "2023-06-04"),
    "Abdelkader Messahel": ("2017-05-25", "2019-03-11"),
    "Yusuf bin Alawi bin Abdullah": ("1997-06-01", "2020-08-18"),
    "Yury Borisov": ("2018-05-18", "2022-07-15"),
    "Walid al-Muallem": ("2006-02-11", "2020-11-16"),
    "Amir Hatami": ("2017-08-20", "2021-08-25"),
    "Ali Abdullah Ayoub": ("2018-01-01", "2022-04-28"),
    "Ismail Ould Cheikh Ahmed": ("2018-10-08", "2020-08-09"),
    "Martin Kobler": ("2015-11-04", "2017-06-22"),
    "Ghassan Salame": ("2017-06-22", "2020-03-02"),
    "Khemaies Jhinaoui": ("2016-01-12", "2019-10-29"),
    "Fayez al-Sarraj": ("2016-03-30", "2021-03-15"),
    "Khaled al-Yamani": ("2018-05-24", "2019-06-12"),
    "Martin Griffiths": ("2018-03-11", "2021-06-30"),
    "Mohammed al-Halbousi": ("2018-09-15", "2023-11-14"),
    "Nasser Judeh": ("2009-02-23", "2017-01-15"),
    "Muhammad bin Nayef": ("2015-04-29", "2017-06-21"),
    "Binali Yildirim": ("2016-05-24", "2018-07-09"),
    "Omar al-Bashir": ("1989-06-30", "2019-04-11"),
    "Fathi Bashagha": ("2018-10-07", "2021-03-15"),
    "Sabri Boukadoum": ("2019-04-01", "2021-07-07"),
    "Heiko Maas": ("2018-03-14", "2021-12-08"),
    "Mariam al-Sadiq al-Mahdi": ("2021-02-10", "2021-10-25"),
    "Abdalla Hamdok": ("2019-08-21", "2022-01-02"),
    "Mohamed Abdullahi Farmajo": ("2017-02-16", "2022-05-23"),
    "Saad Hariri": ("2016-12-18", "2020-01-21"),
    "Salaheddine Mezouar": ("2013-10-10", "2017-04-05"),
    "Khalifa bin Zayed Al Nahyan": ("2004-11-03", "2022-05-13"),
    "Moussa Faki Mahamat": ("2017-03-14", "2025-02-15"),
    "Ivan Duque": ("2018-08-07", "2022-08-07"),
    "Mohamed Ali al-Hakim": ("2018-10-25", "2020-05-07"),
    "Retno Marsudi": ("2014-10-27", "2024-10-20"),
    "Riyad al-Maliki": ("2007-06-17", "2024-03-31"),
    "Yousef Al-Othaimeen": ("2016-11-01", "2021-11-01"),
    # devset16
    "Abdelaziz Bouteflika": ("1999-04-27", "2019-04-02"),
    "Abdrabbuh Mansur Hadi": ("2012-02-25", "2022-04-07"),
    "Adil Abdul-Mahdi": ("2018-10-25", "2020-05-07"),
    "Elizabeth II": ("1952-02-06", "2022-09-08"),
    "Khalid bin Mohammad Al Attiyah": ("2013-06-26", "2016-01-27"),
    "Benny Gantz": ("2020-05-17", "2022-12-29"),
    "Abdellatif Loudiyi": ("2010-01-04", "2099-01-01"),
    "Ahmed al-Tayeb": ("2010-03-19", "2099-01-01"),
    # devset17
    "Heinz Fischer": ("2004-07-08", "2016-07-08"),
    "Manuel Valls": ("2014-03-31", "2016-12-06"),
    "Abdelmalek Sellal": ("2014-04-28", "2017-05-24"),
    "Joachim Gauck": ("2012-03-18", "2017-03-19"),
    "Norbert Lammert": ("2005-10-18", "2017-10-24"),
    "Ahmed Ouyahia": ("2017-08-15", "2019-03-11"),
    "Omar Razzaz": ("2018-06-14", "2020-10-12"),
    "Mohamed Ould Abdel Aziz": ("2009-08-05", "2019-08-01"),
    "Ban Ki-moon": ("2007-01-01", "2017-01-01"),
    "Gabriel Attal": ("2024-01-09", "2024-09-05"),
    "Donald Tusk": ("2014-12-01", "2019-12-01"),
}

# Dateline parsing: numeric dates in Western, Eastern Arabic or Persian digits, and day-month-year (spaces or
# dashes between the parts) with Gregorian month names as written in the Gulf/Egypt, the Levant, Algeria/Tunisia
# and Morocco (also a month named twice, "تشرين الأول/أكتوبر").
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_MONTH_NAMES = (
    "يناير كانون_الثاني جانفي",
    "فبراير شباط فيفري",
    "مارس آذار",
    "أبريل إبريل ابريل نيسان أفريل افريل",
    "مايو أيار ماي",
    "يونيو يونيه حزيران جوان",
    "يوليو يوليه تموز جويلية يوليوز",
    "أغسطس اغسطس آب أوت غشت",
    "سبتمبر أيلول شتنبر",
    "أكتوبر اكتوبر تشرين_الأول",
    "نوفمبر تشرين_الثاني نونبر",
    "ديسمبر كانون_الأول دجنبر",
)
_MONTHS = {
    name.replace("_", " "): number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()
}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_NAMED_DATE = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:\s+|\s*-\s*)({_MONTH_RE})(?:\s*/\s*(?:{_MONTH_RE}))?\s*[/-]?\s*(\d{{4}})(?!\d)"
)
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)")
HEADER_LINES = 5


def dateline_date(text: str) -> dt.date | None:
    """The first full date (with a year) written in the article's first non-empty lines, if any."""
    lines = [line for line in text.translate(_DIGITS).splitlines() if line.strip()][:HEADER_LINES]
    found: list[tuple[int, int, dt.date]] = []
    for number, line in enumerate(lines):
        for m in _NAMED_DATE.finditer(line):
            found.append((number, m.start(), dt.date(int(m[3]), _MONTHS[m[2]], int(m[1]))))
        for m in _DMY.finditer(line):
            found.append((number, m.start(), dt.date(int(m[4]), int(m[3]), int(m[1]))))
        for m in _YMD.finditer(line):
            found.append((number, m.start(), dt.date(int(m[1]), int(m[3]), int(m[4]))))
    return min(found)[2] if found else None


def gold_records(name: str) -> list[dict[str, Any]]:
    lines = (FIXTURES / name / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def all_records() -> Iterator[Any]:
    for name in SETS:
        for record in gold_records(name):
            yield pytest.param(name, record, id=f"{name}/{record['id']}")


def iso_date(value: object) -> dt.date:
    assert isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return dt.date.fromisoformat(value)


def check_actor(actor: object, where: str) -> None:
    assert isinstance(actor, dict), where
    assert set(actor) == ACTOR_KEYS, (where, sorted(actor))
    assert isinstance(actor["name_en"], str) and actor["name_en"].strip(), where
    assert isinstance(actor["name_ar"], str) and actor["name_ar"].strip(), where
    assert actor["country"] is None or actor["country"] in COUNTRIES, (where, actor["country"])
    assert actor["role"] in ROLES, (where, actor["role"])


def is_gathering(event: dict[str, Any]) -> bool:
    """A multilateral meeting, or one announced, joined ahead or ruled out (AGREE/036): the only events
    whose target may be null, a gathering of no organisation (docs/ontology.md rule 31)."""
    return bool(event["mode"] == "multilateral" or event["cameo"] == "036")


def test_only_a_gathering_may_lack_a_target() -> None:
    assert is_gathering({"mode": "multilateral", "cameo": "040"})
    assert is_gathering({"mode": None, "cameo": "036"})
    assert not is_gathering({"mode": "phone", "cameo": "041"})
    assert not is_gathering({"mode": None, "cameo": "057"})


# Earlier, separate terms of people in TERMS (the office held again after a gap, or another office held before).
EARLIER_TERMS: dict[str, tuple[str, str]] = {
    "Donald Trump": ("2017-01-20", "2021-01-20"),
    "Luiz Inacio Lula da Silva": ("2003-01-01", "2011-01-01"),
    "Asif Ali Zardari": ("2008-09-09", "2013-09-09"),
    "Benjamin Netanyahu": ("2009-03-31", "2021-06-13"),
    # devset12: defence then foreign minister of France; prime minister of the Netherlands
    "Jean-Yves Le Drian": ("2012-05-16", "2022-05-20"),
    "Mark Rutte": ("2010-10-14", "2024-07-02"),
    # devset12: crown prince before he became prime minister; devset17: defence minister and deputy crown prince
    # from January 2015, before he became crown prince
    "Mohammed bin Salman": ("2015-01-23", "2022-09-27"),
    # devset15: foreign minister twice; speaker before he became secretary of the Supreme National Security Council;
    # crown prince of Abu Dhabi, head of the military council and deputy defence minister before the offices above;
    # justice minister before he became foreign minister
    "Ramtane Lamamra": ("2013-09-11", "2017-05-25"),
    "Ali Larijani": ("2008-05-28", "2020-05-28"),
    "Mohamed bin Zayed Al Nahyan": ("2004-11-03", "2022-05-14"),
    "Abdel Fattah al-Burhan": ("2019-04-12", "2019-08-21"),
    "Khalid bin Salman Al Saud": ("2019-02-23", "2022-09-27"),
    "Heiko Maas": ("2013-12-17", "2018-03-14"),
    # devset16: foreign minister before he also became prime minister
    "Mohammed bin Abdulrahman Al Thani": ("2016-01-27", "2023-03-07"),
    # devset17: foreign minister before he became director of the CPC's foreign affairs office (and minister again)
    "Wang Yi": ("2013-03-16", "2022-12-30"),
}


def check_term(actor: dict[str, Any], when: dt.date | None, where: str) -> None:
    name = actor["name_en"]
    if name not in TERMS or when is None:
        return
    terms = [TERMS[name], *([EARLIER_TERMS[name]] if name in EARLIER_TERMS else [])]
    spans = [tuple(dt.date.fromisoformat(d) for d in term) for term in terms]
    assert any(start <= when < end for start, end in spans), f"{where}: {name} not in office on {when}"


def test_check_term_accepts_either_of_two_terms_and_nothing_between() -> None:
    trump = {"name_en": "Donald Trump"}
    check_term(trump, dt.date(2018, 5, 1), "first term")
    check_term(trump, dt.date(2025, 5, 1), "second term")
    with pytest.raises(AssertionError):
        check_term(trump, dt.date(2022, 5, 1), "between the terms")


@pytest.mark.parametrize("name", SETS)
def test_gold_lines_parse_and_match_articles(name: str) -> None:
    folder = FIXTURES / name
    records = gold_records(name)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "duplicate ids"
    stems = {p.stem for p in folder.glob("*.txt")}
    assert set(ids) == stems
    assert len(stems) >= MIN_ARTICLES[name]
    assert (folder / "README.md").is_file()
    for stem in stems:
        assert re.fullmatch(r"\d{3}_[a-z0-9-]+", stem), stem
        text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
        assert text.strip(), stem


@pytest.mark.parametrize(("name", "record"), list(all_records()))
def test_record_fields(name: str, record: dict[str, Any]) -> None:
    rid = record["id"]
    assert set(record) == TOP_KEYS, (rid, sorted(record))
    published = None if record["published"] is None else iso_date(record["published"])
    assert isinstance(record["diplomatic"], bool)
    events = record["events"]
    assert isinstance(events, list)
    assert record["diplomatic"] == bool(events), rid
    assert all(isinstance(t, str) and t for t in record["topics"]), rid
    assert all(isinstance(a, str) and a for a in record["attribution"]), rid
    assert isinstance(record["notes"], str) and record["notes"], rid
    for figure in record["figures"]:
        assert set(figure) == FIGURE_KEYS, rid
        assert isinstance(figure["value"], int | float) and not isinstance(figure["value"], bool), rid
        assert isinstance(figure["text_ar"], str) and isinstance(figure["unit"], str), rid
    if events:
        assert any(e["primary"] for e in events), f"{rid}: no primary event"
    for n, event in enumerate(events):
        where = f"{name}/{rid}#{n}"
        assert EVENT_KEYS <= set(event) <= EVENT_KEYS | OPTIONAL_EVENT_KEYS, (where, sorted(event))
        assert isinstance(event["primary"], bool), where
        assert event["type"] in PLOVER_TYPES, where
        assert event["mode"] in MODES, where
        cameo = event["cameo"]
        assert isinstance(cameo, str) and re.fullmatch(r"\d{3}", cameo), where
        assert cameo.startswith(CAMEO_FOR_TYPE[event["type"]]), (where, event["type"], cameo)
        if event["type"] == "CONSULT":
            assert event["mode"] is not None, where
            assert cameo == CAMEO_FOR_MODE[event["mode"]], (where, event["mode"], cameo)
        else:
            assert event["mode"] is None, where
        if cameo == "036":
            assert event["status"] != "occurred", f"{where}: a future meeting cannot have occurred"
        assert event["status"] in STATUSES, where
        check_actor(event["source"], where + ".source")
        if event["target"] is None:
            assert is_gathering(event), f"{where}: only a gathering of no organisation has no target (rule 31)"
        else:
            check_actor(event["target"], where + ".target")
        for participant in event.get("participants", []):
            check_actor(participant, where + ".participants")
        if "participants" in event:
            assert event["mode"] == "multilateral", where
        assert event["location"] is None or (isinstance(event["location"], str) and event["location"]), where
        date = None if event["date"] is None else iso_date(event["date"])
        if date is not None and published is not None:
            if event["status"] == "occurred":
                assert date <= published, f"{where}: occurred after publication"
            if event["status"] == "planned":
                assert date >= published, f"{where}: planned before publication"
        for side in ("source", "target"):
            if event[side] is not None:
                check_term(event[side], date or published, f"{where}.{side}")


@pytest.mark.parametrize(("name", "record"), list(all_records()))
def test_published_matches_dateline(name: str, record: dict[str, Any]) -> None:
    text = (FIXTURES / name / f"{record['id']}.txt").read_text(encoding="utf-8")
    written = dateline_date(text)
    expected = None if written is None else written.isoformat()
    assert record["published"] == expected, (record["id"], record["published"], expected)


def test_dateline_parser() -> None:
    assert dateline_date("١٩/٠٣/٢٠٢٤، ٢:٣٧ م\nنص") == dt.date(2024, 3, 19)
    assert dateline_date("۲۲ / ۰۴ / ۲۰۲۵ - ۱۰:۱۵") == dt.date(2025, 4, 22)
    assert dateline_date("عنوان\n19 كانون الثاني 2022\n") == dt.date(2022, 1, 19)
    assert dateline_date("11 تشرين الأول/أكتوبر 2024   السلام والأمن") == dt.date(2024, 10, 11)
    assert dateline_date("تونس 16 جويلية 2023 (وات)") == dt.date(2023, 7, 16)
    assert dateline_date("الرباط، 12 دجنبر 2024 (ومع)") == dt.date(2024, 12, 12)
    assert dateline_date("2024/05/20 14:35") == dt.date(2024, 5, 20)
    assert dateline_date("الرياض 27 ربيع الأول 1445 هـ الموافق 12 أكتوبر 2023 م واس") == dt.date(2023, 10, 12)
    assert dateline_date("القاهرة - 20 - 5 (كونا) -- استقبل") is None
    assert dateline_date("القدس - «القدس العربي»:\n10 - يونيو - 2025") == dt.date(2025, 6, 10)
