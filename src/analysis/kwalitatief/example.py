"""A FICTIONAL example of coded qualitative fieldwork, meting 2023, for all four gemeenten.

Everything here is invented: participants, codes and quotes. The design only mirrors the
fieldwork described in the monitor's progress report (methods, groups, periods and the number
of participants per activity), so that the book can show its narrative pages and the privacy
gate can be exercised. Regenerate the committed data with::

    python -m analysis.kwalitatief.example

Generation is deterministic: one fixed ``random.Random(seed)`` per gemeente, so every run
writes the same files byte for byte.

How the content is drawn
    Every code has a bank of quotes per group (``bewoner``, ``professional``, ...). A quote is
    used at most once, so the size of a bank caps the number of participants of that group
    who can mention the code: big banks give cells of 5 or more, small banks (1-4 quotes)
    deliberately give small cells for the book's ``< 5`` suppression. A bank entry may be a
    ``(text, second_code)`` pair: that segment is then coded twice (one row per code, same
    segment_id and text), so codes co-occur.

Planted personal details (privacy gate)
    ``PLANTED`` lists per gemeente 2-3 segments that contain a name from the deny-list, a
    mobile number, an e-mail address, a street with a house number or a postcode. They are
    always ``publiceerbaar = nee`` and are the first segment (lowest segment_id) of their code,
    so flipping one to ``ja`` is certain to put it on a page.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .canon import write_dataset

METING = 2023
P_NIET_PUBLICEERBAAR = 0.2  # share of the ordinary segments a researcher marked 'nee'

HEADER = (
    "# FICTIEF VOORBEELD — verzonnen voorbeelddata: geen echte deelnemers, codes of uitspraken; alleen\n"
    "# bedoeld om de verhalende pagina's van het boek te tonen. Gegenereerd met\n"
    "# `python -m analysis.kwalitatief.example`; niet met de hand bewerken.\n"
)

FICTIEF = (
    "Dit is een fictief voorbeeld: alle deelnemers, codes en uitspraken in deze dataset zijn "
    "verzonnen, zodat het boek kan laten zien hoe een verhalende pagina eruitziet. "
)

Quote = str | tuple[str, str]  # text, or (text, second code)


@dataclass(frozen=True)
class Activity:
    id: str
    methode: str
    groep: str
    periode: str
    omschrijving: str
    n: int  # participants
    prefix: str  # participant ids: prefix + 01, 02, ...
    segmenten: tuple[int, ...]  # number of segments per participant, drawn uniformly from this tuple


@dataclass(frozen=True)
class Planted:
    deelnemer_id: str
    code_id: str
    tekst: str
    details: tuple[str, ...]  # naam, mobiel, e-mail, adres, postcode


@dataclass(frozen=True)
class Spec:
    slug: str
    seed: int
    segment_prefix: str
    titel: str
    inleiding: str
    activiteiten: tuple[Activity, ...]
    codes: tuple[tuple[str, str, str, str, str], ...]  # code_id, label, omschrijving, pijler, ouder
    quotes: dict[str, dict[str, list[Quote]]]  # code -> groep -> bank
    planted: tuple[Planted, ...] = ()
    vragenlijst: dict[str, Any] | None = field(default=None)
    gemiddelden: dict[str, float] = field(default_factory=dict)  # questionnaire: mean scale position per item
    ontbrekend: int = 0  # questionnaire: number of empty answers


# =============================================================================================
# Nieuwegein — Batau, Muntenbuurt and winkelcentrum Muntplein
# =============================================================================================

NIEUWEGEIN_CODES = (
    ("muntplein", "Winkelcentrum Muntplein",
     "Het winkelcentrum als voorziening en als plek in de buurt; algemene uitspraken over het plein.", "wonen", ""),
    ("muntplein_aanbod", "Winkelaanbod en leegstand",
     "Welke winkels en diensten er zijn, wat bewoners missen en hoe leegstand overkomt.", "wonen", "muntplein"),
    ("muntplein_sfeer", "Sfeer en uitstraling van het plein",
     "Schoon, heel en verlicht; of het plein uitnodigt om te blijven of alleen om door te lopen.", "wonen",
     "muntplein"),
    ("veiligheid", "Veiligheid en overlast", "Algemene uitspraken over veiligheid in de buurt.", "veiligheid", ""),
    ("veiligheidsgevoel", "Veilig voelen",
     "Of mensen zich op straat en thuis veilig voelen, en welke plekken en tijden ze mijden.", "veiligheid",
     "veiligheid"),
    ("overlast", "Overlast in de openbare ruimte",
     "Hangen, lawaai, vernielingen en verkeersoverlast, en wat eraan gedaan wordt.", "veiligheid", "veiligheid"),
    ("ondermijning", "Signalen van ondermijning",
     "Tekenen van drugshandel, verdachte panden, werving van jongeren en andere verborgen criminaliteit.",
     "veiligheid", "veiligheid"),
    ("meedoen", "Meedoen en ontmoeten", "Algemene uitspraken over meedoen en elkaar ontmoeten in de buurt.",
     "participatie", ""),
    ("eenzaamheid", "Eenzaamheid en isolement",
     "Weinig contact hebben, alleen zijn en drempels om ergens naartoe te gaan.", "gezondheid", "meedoen"),
    ("buurtcontact", "Contact met buren en bewonersinitiatief",
     "Burencontact, buurtactiviteiten, vrijwilligerswerk en initiatieven van bewoners.", "participatie",
     "meedoen"),
    ("geldzorgen", "Rondkomen en schulden",
     "Moeite met rondkomen, schulden, toeslagen en de weg naar hulp.", "participatie", ""),
    ("gezond_leven", "Gezond leven en bewegen",
     "Bewegen, sporten, eten, slapen en zorg dichtbij huis.", "gezondheid", ""),
    ("jeugd_school", "Kinderen, jongeren en school",
     "School, huiswerk, stages en wat er voor kinderen en jongeren in de wijk te doen is.", "onderwijs", ""),
    ("woning", "Staat van de woning",
     "Onderhoud, vocht, geluid, isolatie, huur en de wachttijd voor een andere woning.", "wonen", ""),
    ("groen_spelen", "Groen en speelplekken",
     "Parken, bomen, speelplekken, schaduw en het onderhoud van de buitenruimte.", "wonen", ""),
    ("samenwerking", "Samenwerking tussen organisaties",
     "Hoe wijkteam, corporatie, politie, gemeente en winkeliers samenwerken en wat bewoners daarvan merken.",
     "overig", ""),
)

NIEUWEGEIN_QUOTES: dict[str, dict[str, list[Quote]]] = {
    "muntplein": {
        "bewoner": [
            "Het plein is eigenlijk het hart van de buurt, alleen klopt het niet zo hard meer.",
            "Als ze iets met de wijk willen, moeten ze bij het winkelcentrum beginnen. Daar kom je elke dag langs.",
            ("Vroeger deed ik al mijn boodschappen op het plein en sprak je altijd wel iemand. Nu pak ik vaker "
             "de auto naar de stad.", "buurtcontact"),
        ],
    },
    "muntplein_aanbod": {
        "bewoner": [
            "Er zit een supermarkt en een drogist, maar voor kleding of schoenen moet je echt naar de binnenstad.",
            "Elke keer als ik kom, staat er weer een winkel leeg. Daar wordt het plein niet gezelliger van.",
            "Ik mis een gewone bakker. Nu is het brood uit de supermarkt of niks.",
            "Voor ouderen is het prettig dat alles dichtbij is: apotheek, pinautomaat, supermarkt. Als dat "
            "verdwijnt, hebben we een probleem.",
            "Die nieuwe toko vind ik een aanwinst, daar kom ik nu elke week.",
            "Er zijn te veel telefoonwinkels en kappers. Wat moet je daarmee?",
            "De markt op zaterdag trekt nog wel mensen, de rest van de week is het stil.",
            ("Die lege etalages worden volgeplakt met posters, dat ziet er verwaarloosd uit.", "muntplein_sfeer"),
            "Ik zou graag een klein café willen waar je even kunt zitten zonder dat het meteen duur is.",
            "De prijzen in de buurtsuper liggen hoger dan bij de grote supermarkt verderop, dus ik fiets toch maar.",
            "Sinds de geldautomaat weg is, moet ik voor contant geld helemaal naar het centrum.",
            "Ze hebben het plein een paar jaar geleden opgeknapt, maar de winkels zijn er niet beter van geworden.",
        ],
        "professional": [
            ("Het winkelcentrum is voor veel ouderen de enige plek waar ze nog mensen tegenkomen. Als het aanbod "
             "verschraalt, raakt dat meer dan alleen de winkels.", "eenzaamheid"),
        ],
        "ondernemer": [
            "Er moet meer variatie komen, want klanten doen nu de helft van hun boodschappen ergens anders.",
        ],
    },
    "muntplein_sfeer": {
        "bewoner": [
            "Het plein ziet er 's avonds donker en kaal uit, er brandt maar de helft van de lampen.",
            "Er ligt vaak zwerfvuil bij de bankjes, vooral na het weekend.",
            "Met die bakken met bloemen die ze vorig jaar hebben neergezet, oogt het meteen vriendelijker.",
            "Het is een plek waar je doorheen loopt, niet waar je blijft. Er is niks om voor te blijven.",
            "Als het zonnig is, zitten er ineens overal mensen op de bankjes. Dan zie je wat het zou kunnen zijn.",
            ("Mijn kleinkinderen vinden het plein saai, er is voor hen helemaal niets te doen.", "jeugd_school"),
            "Die grijze tegels en betonnen bakken, het lijkt wel of de tijd daar in de jaren tachtig is blijven "
            "staan.",
            "Met de kerstmarkt was het ineens gezellig druk. Zoiets zouden ze vaker moeten doen.",
            "Je kunt er je fiets niet fatsoenlijk kwijt, alles staat kriskras door elkaar.",
            "Het plein is wel schoner dan een paar jaar terug, dat moet ik eerlijk toegeven.",
            "Mensen van buiten de wijk komen hier niet voor hun plezier, dat merk je aan de sfeer.",
        ],
        "ondernemer": [
            "Als winkeliers willen we best meebetalen aan verlichting en plantenbakken, maar dan moet de eigenaar "
            "van het vastgoed ook over de brug komen.",
        ],
    },
    "veiligheid": {
        "bewoner": [
            "Over het algemeen is het hier niet slechter dan in andere wijken, maar je hoort wel verhalen.",
            "Veiligheid is voor mij het belangrijkste. Als dat niet goed zit, wil je hier niet oud worden.",
        ],
    },
    "veiligheidsgevoel": {
        "bewoner": [
            "Overdag loop ik overal, maar na het donker neem ik liever de grote weg dan het pad achter de flats.",
            "Ik voel me hier gewoon veilig. Ik woon hier al dertig jaar en ken de mensen.",
            "Mijn dochter fietst 's avonds niet meer alleen door het park, dat heb ik haar afgeraden.",
            "Sinds er meer verlichting langs het fietspad staat, voelt het een stuk beter.",
            "Er is een paar keer ingebroken in de schuurtjes hier achter. Sindsdien slaap ik minder rustig.",
            "Je ziet de wijkagent bijna nooit. Vroeger liep die gewoon een rondje over het plein.",
            "Het is niet dat er echt iets gebeurt, het is meer een onbehaaglijk gevoel als je daar langs moet.",
            ("Ik woon alleen sinds mijn man er niet meer is, en 's avonds doe ik gewoon niet meer open.",
             "eenzaamheid"),
            "Het scheelt dat de buren een appgroep hebben; als er iets is, weet iedereen het meteen.",
            "Bij de onderdoorgang ben ik een keer lastiggevallen. Ik loop er nu altijd omheen.",
            "Ik schrik niet zo snel, maar van brommers die met hoge snelheid over de stoep rijden word ik niet "
            "vrolijk.",
            "Eerlijk gezegd voel ik me in Batau veiliger dan in het centrum van Utrecht.",
        ],
        "ondernemer": [
            "Sinds de camera's hangen, is het aantal winkeldiefstallen wel afgenomen.",
        ],
    },
    "overlast": {
        "bewoner": [
            "'s Avonds staan er groepjes jongens bij de ingang van de galerij, met harde muziek uit een box.",
            "Het gaat niet om kwaad willen, ze hebben gewoon geen plek om naartoe te gaan.",
            "Bij de bankjes op het plein liggen 's ochtends lachgaspatronen en blikjes.",
            "Als je er iets van zegt, krijg je een grote mond terug. Dus zeg je maar niks meer.",
            "In de zomer wordt er tot diep in de nacht gevoetbald tegen de garagedeuren.",
            ("Ik heb een keer de politie gebeld over het lawaai, maar er kwam niemand. Dan bel je de volgende keer "
             "niet meer.", "veiligheidsgevoel"),
            "Het zijn steeds dezelfde jongeren, en de meesten wonen niet eens hier.",
            "Sinds het jongerenwerk er 's avonds rondloopt, is het merkbaar rustiger geworden.",
            "Scooters die rondjes rijden om het winkelcentrum, daar word je gek van.",
            "Mijn auto is twee keer bekrast. Ik weet niet wie het was, maar het gebeurde steeds in het weekend.",
        ],
        "professional": [
            "De overlast rond het plein komt grotendeels van een kleine groep. Als je die kent en aanspreekt, "
            "verandert er veel.",
            "Handhaving en jongerenwerk moeten meer samen optrekken; nu breekt de een af wat de ander opbouwt.",
        ],
        "ondernemer": [
            "Sommige collega's sluiten eerder omdat ze het 's avonds niet prettig vinden met die groepjes voor de "
            "deur.",
        ],
    },
    "ondermijning": {
        "bewoner": [
            "Er staat hier soms een dure auto met draaiende motor, mensen lopen even naar binnen en weer naar "
            "buiten. Iedereen weet wat daar gebeurt.",
            "In dat ene portiek ruik je altijd wiet, en er komen mensen op de raarste tijden langs.",
            "Ik heb gehoord dat jongens hier geld krijgen om hun bankpas uit te lenen. Dat vind ik eng.",
        ],
        "professional": [
            "We zien woningen waar ineens veel mensen ingeschreven staan. Dat melden we, maar de terugkoppeling "
            "blijft uit.",
            "Jongeren worden benaderd om pakketjes rond te brengen. Ze zien het als makkelijk geld en overzien de "
            "gevolgen niet.",
            "Er is een winkelpand waarvan niemand snapt hoe het rondkomt, er komt nauwelijks een klant.",
            ("Bewoners melden weinig uit angst. Ze zien het wel, maar praten er liever niet over.",
             "veiligheidsgevoel"),
        ],
    },
    "meedoen": {
        "bewoner": [
            "Er wordt veel georganiseerd, maar je moet het wel weten te vinden.",
            "Mensen willen best iets doen voor de buurt, als ze maar gevraagd worden.",
        ],
    },
    "eenzaamheid": {
        "bewoner": [
            "Sinds mijn man is overleden, komt er dagenlang niemand aan de deur. Dat went nooit.",
            "Ik praat eigenlijk alleen met de caissière van de supermarkt. Verder zie ik weinig mensen.",
            "Mijn kinderen wonen ver weg en hebben het druk. Ik wil ze niet tot last zijn.",
            ("De koffieochtend in het buurthuis is voor mij het hoogtepunt van de week.", "buurtcontact"),
            "Je zou het niet zeggen, maar ook jonge mensen zitten hier alleen achter hun voordeur.",
            "Na mijn verhuizing naar deze flat kende ik niemand, en dat is eigenlijk nog steeds zo.",
            "Toen ik ziek was, merkte ik pas hoe weinig mensen ik hier ken.",
            "Ik ga niet zomaar ergens naar binnen waar ik niemand ken, dat vind ik lastig.",
            "Mijn buurvrouw komt bijna nooit buiten. Ik breng haar af en toe soep, maar ze wil eigenlijk niks.",
            "Met de taal is het moeilijk om contact te maken. Ik versta wel wat, maar praten durf ik nog niet "
            "goed.",
        ],
        "professional": [
            "Eenzaamheid zit vaak achter de voordeur. Je komt het pas tegen als je voor iets anders binnen bent.",
            "Ouderen die slecht ter been zijn, komen het plein niet meer af. Dat is hun hele wereld.",
            ("Bij nieuwe bewoners die de taal nog niet spreken, zie je het isolement het snelst ontstaan.",
             "buurtcontact"),
        ],
    },
    "buurtcontact": {
        "bewoner": [
            "In onze straat groeten we elkaar, maar verder dan dat gaat het niet.",
            "We hebben een keer een straatfeest georganiseerd, en daarna kenden we elkaar ineens allemaal.",
            "Er wonen hier veel nieuwe mensen die niet lang blijven. Dan steek je ook minder energie in contact.",
            "Ik help een oudere buurman met zijn boodschappen, en hij past af en toe op mijn kat.",
            "De moestuin achter de school brengt echt mensen bij elkaar, ook mensen die elkaar anders nooit "
            "zouden spreken.",
            "Er wonen hier zoveel culturen, dat is mooi, maar iedereen blijft wel een beetje bij zijn eigen groep.",
            "Ik heb een idee voor een repaircafé ingediend bij de gemeente, en dat was snel geregeld.",
            "Bij de buurtschoonmaak deden vorig jaar meer mensen mee dan ik had verwacht.",
            "Het buurthuis is er wel, maar de openingstijden passen niet bij mensen die werken.",
            "Het contact met de buren is de laatste jaren afgenomen, iedereen leeft meer op zichzelf.",
            ("Sinds de appgroep van de straat weet je sneller wie hulp nodig heeft.", "meedoen"),
        ],
    },
    "geldzorgen": {
        "bewoner": [
            "Met de energierekening van afgelopen winter zaten we echt krap. We hebben de verwarming gewoon laag "
            "gezet.",
            "Ik werk fulltime en toch is het eind van de maand elke keer spannend.",
            "Schaamte, dat is het. Je gaat niet tegen de buren zeggen dat je het niet redt.",
            "Via de voedselbank kwam ik bij iemand terecht die me helpt met mijn papieren. Dat was een opluchting.",
            "Die toeslagen zijn zo ingewikkeld dat ik bang ben iets fout te doen en later alles terug te moeten "
            "betalen.",
            ("Mijn zoon wilde op voetbal, maar dat kon er gewoon niet meer af.", "gezond_leven"),
            "Ik heb een tijd niet open durven maken wat er in de brievenbus lag.",
            "Er is wel hulp, dat weet ik nu, maar toen ik het nodig had wist ik niet waar ik moest beginnen.",
            "De boodschappen zijn zo duur geworden, ik koop alleen nog aanbiedingen.",
        ],
        "professional": [
            "De groep werkenden met geldzorgen groeit. Die zien wij pas als het al flink uit de hand is gelopen.",
            "Vroegsignalering via de corporatie werkt: bij twee maanden huurachterstand staan we op de stoep.",
            "Veel mensen weten niet van de regelingen waar ze recht op hebben, of vinden de aanvraag te "
            "ingewikkeld.",
            "De energietoeslag heeft geholpen, maar het probleem daaronder lost die niet op.",
        ],
    },
    "gezond_leven": {
        "bewoner": [
            "Ik wandel elke ochtend een rondje door het park, anders kom ik de deur niet uit.",
            "De sportschool is te duur, dus ik doe oefeningen van een filmpje op mijn telefoon.",
            "Het sportveldje wordt veel gebruikt door de jongeren, dat vind ik mooi om te zien.",
            "Gezond eten is duur. Een zak chips is goedkoper dan een bakje aardbeien.",
            "Ik heb last van mijn knieën en de dichtstbijzijnde fysiotherapeut heeft een wachtlijst.",
            "Bij het buurthuis is nu stoelyoga voor ouderen, daar ga ik met mijn buurvrouw naartoe.",
            "Van de stress slaap ik slecht, en dan heb je ook geen zin om te bewegen.",
            "Er zou een wandelgroep moeten komen. Alleen ga ik niet, samen wel.",
        ],
    },
    "jeugd_school": {
        "bewoner": [
            "De basisschool hier doet echt haar best, maar de klassen zijn groot en de juffen wisselen vaak.",
            "Voor pubers is er niets in de wijk. Dan gaan ze dus op straat hangen.",
            "Mijn zoon zoekt een stage, maar zonder netwerk kom je nergens binnen.",
            "De speeltuin is voor de kleintjes prima, maar voor kinderen van tien, twaalf is er niks.",
            "Bijles is te duur. Ik kan hem zelf niet helpen met wiskunde.",
            "Het jongerenwerk doet goede dingen, alleen zijn ze maar een paar avonden per week open.",
            "Op school hebben ze nu ontbijt voor kinderen die zonder eten komen. Dat zegt genoeg, vind ik.",
            "Mijn dochter gaat naar een middelbare school in een andere wijk. Daar is het niveau beter, zeggen ze.",
            "De kinderen spelen veel buiten, maar het grasveld is vaak nat en vies van de honden.",
        ],
        "professional": [
            "De scholen hier vangen veel op wat eigenlijk thuis zou moeten gebeuren, en dat gaat ten koste van "
            "het lesgeven.",
            "Voor jongeren tussen twaalf en achttien is het aanbod in de wijk mager.",
            "Een stageplek vinden is voor jongeren uit Batau lastiger; ze missen het netwerk dat andere kinderen "
            "wel hebben.",
        ],
    },
    "woning": {
        "bewoner": [
            "In de slaapkamer komt steeds schimmel terug, hoe vaak ik ook ventileer.",
            "Ik hoor mijn bovenburen praten, zo gehorig is het hier.",
            "De corporatie heeft vorig jaar nieuwe kozijnen geplaatst. Het tocht een stuk minder.",
            "Ik sta al jaren ingeschreven voor een grotere woning, maar het schiet niet op.",
            "Voor een reparatie moet je eindeloos bellen, en dan komt er iemand die het niet kan maken.",
            "Ik woon hier fijn. Klein, maar het is van mij en ik heb een balkon op het zuiden.",
            "De liften in onze flat staan geregeld stil. Voor mijn moeder met haar rollator is dat een ramp.",
            "Het energielabel is slecht, dus die hoge rekening komt echt door het huis.",
            ("Met vier kinderen in een driekamerflat heb je geen rust, ook niet voor huiswerk.", "jeugd_school"),
            "Ze beloven al jaren isolatie, maar er gebeurt niks.",
            "In de bergingen beneden is het vochtig en er wordt ingebroken. Ik zet er niks meer neer.",
            "Mijn huur is de laatste jaren flink gestegen, terwijl er aan het huis niks verandert.",
        ],
        "professional": [
            "Bij huisbezoeken zien we veel vocht en schimmel, en dat raakt direct aan de gezondheid van kinderen.",
            "Er wonen veel mensen in te kleine woningen. Dat geeft spanning in gezinnen.",
        ],
    },
    "groen_spelen": {
        "bewoner": [
            "Het park aan de rand van de wijk is echt een plek waar ik tot rust kom.",
            "Ze hebben bomen gekapt voor parkeerplaatsen, dat vond ik zonde.",
            "Er liggen overal hondenpoep en zwerfafval in het gras. Daar laat je je kinderen niet spelen.",
            "Het waterspeelveld is in de zomer een uitkomst, want niet iedereen kan op vakantie.",
            "De geveltuintjes in onze straat maken het meteen vriendelijker.",
            "Er mogen wel wat meer bankjes in de schaduw komen, voor ouderen die een stukje lopen.",
            "De speeltoestellen zijn oud en een paar zijn al maanden afgezet met linten.",
            ("Een plek om samen te tuinieren zou ik fantastisch vinden, dan leer je ook de buren kennen.",
             "buurtcontact"),
            "In de zomer is het tussen de flats bloedheet, er is nauwelijks schaduw.",
            "Het gras wordt netjes gemaaid, maar het is vooral veel van hetzelfde. Het mag wel wat wilder.",
        ],
    },
    "samenwerking": {
        "bewoner": [
            "Ik heb met drie verschillende instanties gesproken en moest steeds opnieuw mijn verhaal doen.",
            "Het wijkteam en de corporatie verwijzen naar elkaar, en ondertussen gebeurt er niks.",
        ],
        "professional": [
            "De lijnen tussen wijkteam, corporatie en politie zijn korter geworden sinds we één keer per maand "
            "samen aan tafel zitten.",
            "We weten elkaar inmiddels te vinden, maar het hangt nog erg aan personen. Als iemand vertrekt, begin "
            "je opnieuw.",
            "Er lopen in Batau heel veel projecten naast elkaar. Niemand heeft echt het overzicht.",
            ("Signalen van bewoners komen bij verschillende loketten binnen en worden niet bij elkaar gelegd.",
             "veiligheid"),
            "Wat helpt, is dat we nu samen een buurtschouw doen; dan kijk je met dezelfde ogen naar de straat.",
            "Ik mis dat bewoners zelf meepraten over de plannen. We praten vooral over hen in plaats van met hen.",
        ],
        "ondernemer": [
            "We hebben nu een vast aanspreekpunt bij de gemeente, dat is een hele verbetering.",
        ],
    },
}

NIEUWEGEIN = Spec(
    slug="nieuwegein",
    seed=35_6023,
    segment_prefix="N-S",
    titel="Batau en de Muntenbuurt, kwalitatieve meting 2023 (fictief voorbeeld)",
    inleiding=FICTIEF + (
        "De opzet volgt wel het veldwerk van de eerste meting in Nieuwegein: in het vierde kwartaal van 2022 een "
        "focusgroep met professionals, een focusgroep met bewoners, korte gesprekken aan de deur en een "
        "telefonisch gesprek met de voorzitter van de winkeliersvereniging van het Muntplein; in het tweede "
        "kwartaal van 2023 volgden verdiepende interviews met bewoners van Batau."
    ),
    activiteiten=(
        Activity("fg-professionals", "focusgroep", "professional", "2022-Q4",
                 "Focusgroep met professionals die in Batau werken: wijkteam, corporatie, jongerenwerk, politie en "
                 "welzijn.", 7, "N-FP", (2, 3, 4, 5)),
        Activity("fg-bewoners", "focusgroep", "bewoner", "2022-Q4",
                 "Focusgroep met bewoners van de Muntenbuurt over wonen, ontmoeten en het winkelcentrum Muntplein.",
                 9, "N-FB", (2, 3, 4)),
        Activity("deurgesprekken", "deurinterview", "bewoner", "2022-Q4",
                 "Korte gesprekken aan de voordeur met bewoners van de Muntenbuurt.", 23, "N-D", (1, 1, 2, 2)),
        Activity("winkeliersvereniging", "telefonisch", "ondernemer", "2022-Q4",
                 "Telefonisch gesprek met de voorzitter van de winkeliersvereniging van het Muntplein.", 1, "N-T",
                 (4,)),
        Activity("verdiepende-interviews", "diepte-interview", "bewoner", "2023-Q2",
                 "Verdiepende interviews met bewoners van Batau, in aanvulling op de gesprekken van eind 2022.", 16,
                 "N-I", (2, 3, 4, 5)),
    ),
    codes=NIEUWEGEIN_CODES,
    quotes=NIEUWEGEIN_QUOTES,
    planted=(
        Planted("N-FP01", "eenzaamheid",
                "Er is een mevrouw, Ria Verhoeven, die al maanden haar huis niet meer uit komt. Ik ga er elke week "
                "even langs.", ("naam",)),
        Planted("N-FP01", "ondermijning",
                "Boven de winkel op Muntplein 14 lopen de hele nacht mensen in en uit; dat hebben we al een paar "
                "keer doorgegeven.", ("adres",)),
        Planted("N-FP02", "geldzorgen",
                "Wie vastloopt met de post kan me gewoon appen op 06-38472915, dan plan ik een keukentafelgesprek.",
                ("mobiel",)),
    ),
)


# =============================================================================================
# Utrecht — Overvecht, kernteam of the aanpak jongvolwassenen
# =============================================================================================

UTRECHT_CODES = (
    ("samenwerking", "Samenwerking in het kernteam",
     "Algemene uitspraken over het samenwerken binnen het kernteam.", "overig", ""),
    ("korte_lijnen", "Korte lijnen en elkaar kennen",
     "Elkaar weten te vinden, snel schakelen en warm overdragen tussen organisaties.", "overig", "samenwerking"),
    ("informatie_delen", "Informatie delen en privacy",
     "Wat professionals over een jongere mogen en kunnen delen, en wat daarbij knelt.", "overig",
     "samenwerking"),
    ("rolverdeling", "Rollen, regie en mandaat",
     "Wie de regie heeft, wie mag beslissen en hoe de eigen organisatie meekijkt.", "overig", "samenwerking"),
    ("jongeren", "Situatie van jongvolwassenen",
     "Algemene uitspraken over de jongvolwassenen die het kernteam ziet.", "participatie", ""),
    ("schulden", "Schulden en inkomen",
     "Schulden, betalingsachterstanden, budgetbeheer en rondkomen van jongvolwassenen.", "participatie",
     "jongeren"),
    ("school_werk", "Opleiding, stage en werk",
     "Terug naar school, een startkwalificatie halen, stages en de weg naar werk.", "onderwijs", "jongeren"),
    ("mentaal", "Mentale gezondheid",
     "Somberheid, stress, middelengebruik en de weg naar passende zorg.", "gezondheid", "jongeren"),
    ("criminaliteit", "Criminaliteit en ondermijning",
     "Werving door criminelen, contact met politie en justitie en de weg terug.", "veiligheid", "jongeren"),
    ("huisvesting", "Huisvesting en dakloosheid",
     "Geen vaste woonplek, bankslapen en de gevolgen van geen adres hebben.", "wonen", "jongeren"),
    ("bereik", "Bereik en vertrouwen",
     "Hoe het team jongvolwassenen bereikt en hun vertrouwen wint en houdt.", "participatie", ""),
    ("effect", "Bijdrage aan de doelen",
     "Of en hoe professionals zien dat hun inzet bijdraagt aan de doelen van de aanpak.", "overig", ""),
)

UTRECHT_QUOTES: dict[str, dict[str, list[Quote]]] = {
    "samenwerking": {"professional": [
        "Samenwerken kost tijd, maar in dit kernteam levert het ook echt iets op.",
        "We zijn als team nog jong. Het vertrouwen groeit, maar het is er niet vanzelf.",
    ]},
    "korte_lijnen": {"professional": [
        "Ik kan de schuldhulpverlener nu gewoon even bellen in plaats van een verwijsformulier te sturen. Dat "
        "scheelt weken.",
        "Doordat we één dag per week op dezelfde plek werken, loop je even bij elkaar binnen.",
        "Het wekelijkse casusoverleg is kort en to the point, dat werkt goed.",
        "Ik weet nu wie ik bij de politie moet hebben als een jongere in de problemen dreigt te komen.",
        "De lijntjes met het jongerenwerk zijn kort, met het onderwijs nog niet.",
        ("Met de mbo-scholen hebben we nog te weinig contact, en juist bij de overstap gaat veel mis.",
         "school_werk"),
        "Als ik een jongere warm overdraag, zit de collega er de volgende dag al bij. Dat was vroeger anders.",
        "We zitten in dezelfde appgroep en schakelen daardoor snel, soms bijna te snel.",
    ]},
    "informatie_delen": {"professional": [
        "Privacyregels maken het lastig om te delen wat je weet. We zijn soms voorzichtiger dan nodig is.",
        "Elke organisatie heeft zijn eigen systeem. Niemand ziet het complete plaatje van een jongere.",
        "We vragen nu standaard toestemming aan de jongere om informatie te delen. Meestal geven ze die gewoon.",
        "Het is onduidelijk wat je wel en niet mag doorgeven aan de school.",
        ("Soms hoor ik pas weken later dat een jongere al in beeld was bij een collega.", "korte_lijnen"),
        "Een gezamenlijk dossier zou veel helpen, maar dat ligt juridisch gevoelig.",
        "Informatie van de politie krijgen we vaak niet of te laat, terwijl wij de jongere wel dagelijks zien.",
    ]},
    "rolverdeling": {"professional": [
        "Het is niet altijd helder wie de regie heeft als er meerdere hulpverleners bij één jongere betrokken "
        "zijn.",
        "Ik heb het mandaat om snel iets te regelen, en dat maakt in een crisis echt verschil.",
        "Sommige partners komen naar het overleg zonder beslissingsbevoegdheid. Dan moet alles terug de "
        "organisatie in.",
        "We hebben afgesproken dat er per jongere één vast aanspreekpunt is. Dat werkt, als iedereen zich eraan "
        "houdt.",
        "Wat ik lastig vind, is dat mijn eigen organisatie soms andere prioriteiten stelt dan het kernteam.",
        "De coördinator houdt de boel bij elkaar; zonder die rol zou het snel versnipperen.",
    ]},
    "jongeren": {"professional": [
        "De jongvolwassenen die wij zien, hebben zelden één probleem. Het is schulden, werk, wonen en soms "
        "justitie tegelijk.",
        "Rond hun achttiende vallen veel jongeren tussen wal en schip. Dan stopt de jeugdhulp en moet alles "
        "opnieuw.",
    ]},
    "schulden": {"professional": [
        "Veel jongeren hebben al schulden voor ze twintig zijn: telefoonabonnement, zorgverzekering, boetes.",
        "Zolang de schulden niet geregeld zijn, heeft praten over een opleiding weinig zin.",
        "Achteraf betalen bij webwinkels is een sluipend probleem. Ze hebben het pas door als het incassobureau "
        "belt.",
        "We hebben nu een snelle route naar budgetbeheer. Dat geeft rust, en dan komt er ruimte voor de rest.",
        ("Een jongere zonder geld is makkelijk te verleiden tot klusjes voor criminelen.", "criminaliteit"),
        "Sommige jongeren durven hun post niet open te maken. Dan begin je echt bij nul.",
    ]},
    "school_werk": {"professional": [
        "We hebben dit jaar een aantal jongeren terug naar school gekregen. Dat zijn de successen waar je het "
        "voor doet.",
        "Werkgevers zijn nu sneller bereid een jongere een kans te geven, de krappe arbeidsmarkt helpt mee.",
        "Een startkwalificatie halen blijft voor deze groep heel moeilijk. Veel haken af in het eerste jaar.",
        "Jongeren met een migratieachtergrond worden minder snel uitgenodigd voor een stage, zo ervaren ze het "
        "zelf.",
        "Leerwerktrajecten waarbij ze meteen geld verdienen, werken beter dan een volledige schooldag.",
        "Het verzuimteam van de school en wij zouden eerder met elkaar moeten schakelen.",
        "Je ziet een jongere opbloeien als hij eenmaal een baan heeft. Dan gaat het met de rest ook beter.",
    ]},
    "mentaal": {"professional": [
        "Er zit veel somberheid onder deze groep, maar hulp zoeken voelt voor hen als falen.",
        "De wachtlijsten in de ggz zijn lang. In de tussentijd vangen wij het op, terwijl we daar niet voor zijn "
        "opgeleid.",
        ("Stress over geld en wonen slaat direct op hun mentale gezondheid.", "schulden"),
        "Veel jongeren blowen om rustig te worden. Dat maakt het lastig om te zien wat er eigenlijk speelt.",
        "Een jongerenwerker die ze vertrouwen, bereikt meer dan een verwijsbrief naar een psycholoog.",
    ]},
    "criminaliteit": {"professional": [
        "We zien jongens van zeventien die al gevraagd worden als koerier. De werving gaat via sociale media.",
        "Als een jongere eenmaal een strafblad heeft, wordt werk vinden een stuk lastiger.",
        "De samenwerking met de wijkagent is goed, maar bij de zwaardere criminaliteit staan we buiten spel.",
        "Het helpt als je een alternatief kunt bieden op het moment dat ze willen stoppen.",
    ]},
    "huisvesting": {"professional": [
        "Er zijn jongeren die van bank naar bank slapen. Dat zie je niet op straat, maar het is er wel.",
        "Zonder vast adres kun je geen uitkering aanvragen en geen bankrekening openen. Het is een vicieuze "
        "cirkel.",
        "Een kamer vinden in Utrecht is voor deze jongeren bijna onmogelijk.",
    ]},
    "bereik": {"professional": [
        "Je moet ze opzoeken waar ze zijn: op het plein, bij de sportkooi, op Instagram.",
        "Vertrouwen winnen kost maanden. Als je dan een afspraak niet nakomt, ben je het kwijt.",
        "De jongeren die het hardst hulp nodig hebben, komen niet uit zichzelf naar ons toe.",
        "Via een vriend die al geholpen is, komen er nu nieuwe jongeren binnen. Dat is het beste bereik.",
        "Meiden bereiken we slecht, het aanbod is vooral op jongens gericht.",
        "Ouders zijn soms de sleutel. Als zij ons vertrouwen, volgt de jongere vaak.",
    ]},
    "effect": {"professional": [
        "Het is lastig aan te tonen wat onze inzet oplevert; de resultaten zijn vaak klein en komen laat.",
        "Ik zie bij mijn jongeren wel vooruitgang, maar of dat door ons komt of door iets anders, weet ik niet.",
        "Over de samenwerking ben ik positiever dan over wat we uiteindelijk voor de jongeren bereiken.",
        "We zouden vaker moeten terugkijken: welke jongeren hebben we een jaar later nog in beeld?",
        "Voor mij is het al winst als een jongere weer een afspraak nakomt. Dat zie je in geen enkel cijfer "
        "terug.",
    ]},
}

UTRECHT_SCHAAL = ["helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"]
UTRECHT_ITEMS = [
    ("s1", "We delen binnen het kernteam op tijd informatie over jongeren die we samen begeleiden.",
     "Samenwerking in het kernteam", "participatie", 3.0),
    ("s2", "Ik weet wat de andere organisaties in het kernteam een jongvolwassene kunnen bieden.",
     "Samenwerking in het kernteam", "participatie", 2.9),
    ("s3", "Afspraken die we in het kernteam maken, worden ook nagekomen.",
     "Samenwerking in het kernteam", "participatie", 2.5),
    ("s4", "Als een jongere dreigt af te glijden naar criminaliteit, schakelen we snel met politie en "
           "jongerenwerk.", "Samenwerking in het kernteam", "veiligheid", 2.6),
    ("b1", "Onze inzet helpt jongvolwassenen een opleiding af te maken of werk te vinden.",
     "Bijdrage aan de doelen", "onderwijs", 2.3),
    ("b2", "Onze inzet helpt jongvolwassenen grip te krijgen op schulden en geldzaken.",
     "Bijdrage aan de doelen", "participatie", 2.5),
    ("b3", "Onze inzet draagt eraan bij dat minder jongvolwassenen in aanraking komen met politie en justitie.",
     "Bijdrage aan de doelen", "veiligheid", 1.9),
    ("b4", "Onze inzet draagt bij aan het mentaal welzijn van de jongvolwassenen die we spreken.",
     "Bijdrage aan de doelen", "gezondheid", 2.1),
]

UTRECHT = Spec(
    slug="utrecht",
    seed=34_4023,
    segment_prefix="U-S",
    titel="Overvecht: het kernteam van de aanpak jongvolwassenen, kwalitatieve meting 2023 (fictief voorbeeld)",
    inleiding=FICTIEF + (
        "De opzet volgt wel het veldwerk in Overvecht: in december 2022 kregen de professionals van het "
        "kernteam van de aanpak jongvolwassenen een vragenlijst over de samenwerking binnen het team en over de "
        "vraag of hun inzet bijdraagt aan hun doelen, met ruimte voor een toelichting. In januari 2023 zijn de "
        "uitkomsten met het team besproken in een focusgroep."
    ),
    activiteiten=(
        Activity("vragenlijst-kernteam", "vragenlijst", "professional", "2022-12",
                 "Vragenlijst aan de professionals van het kernteam van de aanpak jongvolwassenen, met stellingen "
                 "en een open toelichting.", 14, "U-V", (1, 1, 1, 2, 2)),
        Activity("fg-kernteam", "focusgroep", "professional", "2023-01",
                 "Focusgroep met professionals van het kernteam over de uitkomsten van de vragenlijst.", 8, "U-FG",
                 (3, 4, 5, 6)),
    ),
    codes=UTRECHT_CODES,
    quotes=UTRECHT_QUOTES,
    planted=(
        Planted("U-V01", "criminaliteit",
                "Bij het gezin aan de Limpopodreef 48 wordt de jongste zoon ingezet als koerier; Karim El Idrissi "
                "van het jongerenwerk kent hem goed.", ("adres", "naam")),
        Planted("U-V02", "huisvesting",
                "De jongen die nu bij zijn tante op de bank slaapt, wil met ons praten. Bel Fatma Yilmaz van het "
                "wijkteam, 06-24681357.", ("naam", "mobiel")),
    ),
    vragenlijst={
        "schaal": UTRECHT_SCHAAL,
        "items": [{"id": i, "tekst": t, "thema": th, "pijler": p} for i, t, th, p, _ in UTRECHT_ITEMS],
    },
    gemiddelden={i: m for i, *_, m in UTRECHT_ITEMS},
    ontbrekend=4,
)


# =============================================================================================
# Zeist — Vollenhove, the social renovation of the L-flat and team Voor L-kaar
# =============================================================================================

ZEIST_CODES = (
    ("renovatie", "Sociale renovatie van de L-flat",
     "Algemene uitspraken over de renovatie van de flat en de sociale aanpak eromheen.", "wonen", ""),
    ("woning_kwaliteit", "Woning na de renovatie",
     "Isolatie, vocht, geluid, afwerking en wooncomfort na de oplevering.", "wonen", "renovatie"),
    ("overlast_bouw", "Overlast en communicatie tijdens de bouw",
     "Stof, lawaai, planning, wisselwoningen en hoe bewoners werden geïnformeerd.", "wonen", "renovatie"),
    ("voor_lkaar", "Team Voor L-kaar",
     "Algemene uitspraken over het team en zijn plek in de flat.", "participatie", ""),
    ("bereikbaarheid_team", "Bereikbaarheid en vertrouwen",
     "Binnenlopen zonder afspraak, een vast gezicht, terugbellen en bereikbaarheid buiten kantoortijd.",
     "participatie", "voor_lkaar"),
    ("hulp_op_maat", "Hulp achter de voordeur",
     "Praktische en persoonlijke steun: post en formulieren, zorg regelen, meegaan naar afspraken.",
     "participatie", "voor_lkaar"),
    ("samenwerking", "Samenwerking tussen organisaties",
     "Samenwerking van corporatie, gemeente, zorg en welzijn, ook in het netwerk Vollenhove Vooruit.", "overig",
     "voor_lkaar"),
    ("geldzorgen", "Geldzorgen en schulden",
     "Rondkomen, schulden, toeslagen, voedselbank en schuldhulpverlening.", "participatie", ""),
    ("gezondheid", "Gezondheid en zorg",
     "Lichamelijke en psychische klachten, verslaving en de weg naar huisarts en ggz.", "gezondheid", ""),
    ("eenzaamheid", "Eenzaamheid en contact",
     "Alleen zijn, contact met buren en ontmoeting in en rond de flat.", "gezondheid", ""),
    ("veiligheid", "Veiligheid en overlast",
     "Veilig voelen in en rond de flat, drugsoverlast, inbraak en verkeer.", "veiligheid", ""),
    ("imago", "Imago van Vollenhove",
     "Hoe bewoners hun buurt zien en hoe ze denken dat anderen er naar kijken.", "wonen", ""),
    ("groen_buitenruimte", "Groen en buitenruimte",
     "Parken, bankjes, speelplekken, afval en onderhoud van de buitenruimte.", "wonen", ""),
    ("kinderen", "Kinderen en school",
     "Opgroeien in de flat, school, huiswerk en aanbod voor kinderen van 3 tot 12 jaar.", "onderwijs", ""),
)

ZEIST_QUOTES: dict[str, dict[str, list[Quote]]] = {
    "renovatie": {
        "professional": [
            "De sociale renovatie was bedoeld om niet alleen de stenen, maar ook de mensen mee te nemen. Dat is "
            "voor een groot deel gelukt.",
            "Bouwen en tegelijk achter de voordeur kijken: die combinatie was nieuw voor iedereen.",
        ],
        "cliënt": [
            "Ik was eerst tegen de renovatie, ik zag er erg tegenop. Nu ben ik blij dat het gebeurd is.",
            "Het heeft lang geduurd, maar de flat is nu echt iets om trots op te zijn.",
        ],
        "bewoner": [
            "Van buiten ziet de flat er nu heel anders uit, veel frisser.",
            "Ze hebben de hele flat aangepakt, maar of het leven erin veranderd is, weet ik niet.",
            "Ik woon er zelf niet, maar als ik erlangs fiets, zie ik dat er wat gebeurd is.",
        ],
    },
    "woning_kwaliteit": {
        "professional": [
            "Na de oplevering kwamen er veel klachten over kleine dingen die niet af waren. Dat zet het vertrouwen "
            "onder druk.",
            "De woningen zijn beter geïsoleerd, en bewoners merken dat aan hun energierekening.",
            "Voor ouderen is het verschil groot: de lift doet het en de drempels zijn weg.",
            ("De ventilatie maakt geluid, en sommige bewoners zetten hem daarom uit. Dan krijg je toch weer vocht.",
             "gezondheid"),
        ],
        "cliënt": [
            "Mijn huis is nu warm. Vroeger zat ik in de winter met een deken op de bank.",
            "De nieuwe keuken is mooi, maar de kastjes hangen scheef en niemand komt het repareren.",
            "Het tocht niet meer langs de ramen, dat is echt een verschil van dag en nacht.",
            "De badkamer is kleiner geworden dan ik had gehoopt; met mijn rollator kan ik er bijna niet draaien.",
            "Ik betaal nu minder aan gas, maar de huur is wel wat omhooggegaan.",
            "Het geluid van de buren hoor ik nog steeds, daar hebben ze niks aan gedaan.",
            ("Eindelijk een voordeur die goed sluit. Ik voel me daardoor ook veiliger.", "veiligheid"),
            ("Op het balkon kan ik nu zitten zonder dat het afbrokkelt. Ik heb er weer plantjes staan.",
             "groen_buitenruimte"),
        ],
        "bewoner": [
            "De flat is van buiten opgeknapt, maar binnen zijn er nog steeds problemen met vocht.",
            "Mijn woning is echt beter geworden, vooral door de isolatie.",
            "De galerijen zijn nu licht en schoon, dat was vroeger wel anders.",
            "Ze hebben zonnepanelen op het dak gelegd, maar ik weet niet of ik daar iets van merk.",
            "Het trappenhuis stinkt nog steeds, daar heeft de renovatie niets aan veranderd.",
            "Ik ben tevreden. Alles werkt, en als er iets is, komen ze snel.",
            "Het is gehorig gebleven. Je hoort elke deur die dichtslaat.",
            "De nieuwe ramen zijn prachtig, maar ze kunnen maar op een kier open.",
            "Mijn moeder woont in de flat en zegt dat het nu eindelijk een fatsoenlijk huis is.",
        ],
    },
    "overlast_bouw": {
        "professional": [
            "Bewoners moesten maanden in een bouwput leven. Onze rol was om dat draaglijk te houden.",
            "De aannemer communiceerde met briefjes in de bus, maar veel bewoners lezen die niet of begrijpen ze "
            "niet.",
            "De vaste bewonersbegeleider op de bouwplaats was goud waard; die wist precies wie extra aandacht "
            "nodig had.",
        ],
        "cliënt": [
            "Maandenlang stof en herrie vanaf zeven uur 's ochtends. Ik werk 's nachts, dus ik sliep bijna niet.",
            "Ze kondigden aan dat ze kwamen, en dan kwam er niemand. Ik heb drie keer voor niks vrij genomen.",
            ("De mensen van het team kwamen in gewone taal vertellen wat er ging gebeuren. Dat hielp.",
             "bereikbaarheid_team"),
            "Tijdens de werkzaamheden mocht ik overdag in de logeerwoning zitten. Dat was fijn geregeld.",
            "Ik had geen idee hoe lang het zou duren. Niemand kon me een datum geven.",
            "Mijn spullen stonden weken in dozen omdat de keuken eruit moest. Ik kookte op een elektrisch plaatje.",
            ("Door alle drukte ben ik mijn afspraken bij de dokter vergeten. Ik had er gewoon geen hoofd naar.",
             "gezondheid"),
        ],
        "bewoner": [
            "De steigers stonden er zo lang, ik dacht dat ze nooit meer weg zouden gaan.",
            "Het bouwverkeer reed gewoon door de straat waar de kinderen speelden.",
            "Er was een bewonersavond, maar toen waren de besluiten eigenlijk al genomen.",
            "De bouwvakkers waren gewoon vriendelijk, daar heb ik niks over te klagen.",
            "Overal geparkeerde busjes, je kon je eigen auto nergens kwijt.",
            "Ik vond het goed geregeld: we kregen een planning en die klopte ook min of meer.",
            "Tijdens de renovatie was de lift wekenlang buiten gebruik. Met de boodschappen de trap op, vier hoog.",
            "Het lawaai was erg, maar je wist waarvoor het was.",
        ],
    },
    "voor_lkaar": {
        "professional": [
            "Team Voor L-kaar is ontstaan uit de gedachte dat je met een renovatie ook de sociale problemen in "
            "beeld krijgt.",
            "Het team is laagdrempelig omdat het gewoon in de flat zit en niet op een kantoor aan de andere kant "
            "van Zeist.",
        ],
        "cliënt": [
            "Ik wist eerst niet wat dat team was. Ik dacht dat ze van de woningcorporatie waren.",
            "Het team is er voor iedereen in de flat, niet alleen voor mensen met grote problemen.",
            "Zonder dat team was ik hier waarschijnlijk al weg geweest.",
        ],
        "bewoner": [
            "Van dat team heb ik wel gehoord, maar ik heb ze nooit nodig gehad.",
            "Ik zie ze vaak op de galerij lopen. Dat geeft wel een goed gevoel.",
            "Mijn buurman heeft veel aan ze gehad, dat weet ik.",
            "Ik weet niet precies wat ze doen, er hangt alleen een poster in de hal.",
        ],
    },
    "bereikbaarheid_team": {
        "professional": [
            "Doordat we een ruimte in de flat hebben, lopen mensen gewoon binnen met een vraag. Zo komen we achter "
            "de grotere zorgen.",
            "We komen zonder afspraak langs. Sommige bewoners vinden dat eng, maar de meesten waarderen het.",
            "Vertrouwen opbouwen ging via kleine dingen: een formulier invullen, een lamp vervangen.",
            "Bewoners die nooit hulp vroegen, konden we nu toch bereiken, omdat we er elke dag waren.",
            "Onze bereikbaarheid buiten kantoortijd is een zwak punt. 's Avonds is er niemand.",
            "Als een collega vertrekt, moet je het vertrouwen van een bewoner weer helemaal opnieuw opbouwen.",
            ("Bij mensen die de taal niet spreken, werkt het beter als er een collega is die hun moedertaal kent.",
             "hulp_op_maat"),
        ],
        "cliënt": [
            "Je kunt gewoon binnenlopen. Je hoeft niet eerst een nummer te bellen en in de wacht te staan.",
            "Ze kennen me, en ze onthouden wat ik de vorige keer verteld heb.",
            "In het begin vertrouwde ik ze niet, ik dacht dat ze kwamen controleren.",
            "Ik heb nu een vast iemand. Als die er niet is, wacht ik liever tot ze terug is.",
            "Ze bellen terug als ze dat beloven. Dat ben ik van instanties niet gewend.",
            "Het was fijn dat ze bij mij thuis kwamen, want ik kom moeilijk de deur uit.",
            "Ik kon altijd even langs, ook als het maar over iets kleins ging.",
            "Soms is het kantoortje dicht en staat er niemand. Dan weet ik niet waar ik heen moet.",
            "Ik heb ze een keer 's avonds nodig gehad, toen was er niemand bereikbaar.",
        ],
        "bewoner": [
            "Het is handig dat ze in de flat zelf zitten, je hoeft nergens heen.",
            "Ik zou niet weten hoe ik ze moet bereiken.",
            "Mijn zus heeft er een keer aangeklopt en werd meteen geholpen.",
        ],
    },
    "hulp_op_maat": {
        "professional": [
            "We pakken eerst het probleem aan dat de bewoner zelf het belangrijkst vindt, ook als wij denken dat "
            "iets anders urgenter is.",
            "Heel vaak begint het met een stapel ongeopende post. Als je die samen doorloopt, komt het hele verhaal "
            "boven.",
            "We doen ook dingen die niet in een protocol staan, zoals meegaan naar de huisarts.",
            "Sommige bewoners hadden al jaren met geen enkele instantie meer contact.",
            "Het mooie is dat we de tijd krijgen. Niet tien gesprekken en dan afsluiten.",
            ("Bij een paar gezinnen gingen de kinderen weer gewoon naar school zodra thuis de rust terugkwam.",
             "kinderen"),
            "Niet iedereen wil geholpen worden, en dat moet je ook respecteren.",
            "Wat we doen is heel praktisch: formulieren, afspraken maken, een keer een boodschap. Maar daarmee "
            "open je de deur.",
        ],
        "cliënt": [
            ("Ze hebben me geholpen met de aanvraag voor huurtoeslag. Daar was ik zelf nooit uitgekomen.",
             "geldzorgen"),
            "Het team heeft een afspraak bij de huisarts gemaakt en is met me meegegaan.",
            "Ik kreeg hulp bij het opruimen van mijn huis voordat de bouwers kwamen. Ik schaamde me heel erg.",
            "Via een fonds hebben ze me aan een nieuwe wasmachine geholpen.",
            ("Mijn zoon kreeg via hen een plek bij de huiswerkbegeleiding.", "kinderen"),
            "Ik had een brief van de gemeente die ik niet begreep. Ze hebben hem met me doorgelezen en uitgelegd.",
            "Ze regelden een tolk toen ik met de woningcorporatie moest praten.",
            "Het hielp dat ze niet meteen alles overnamen. Ik moest zelf ook dingen doen, en dat gaf me "
            "vertrouwen.",
            "Dankzij hen heb ik nu thuiszorg. Ik wist niet dat ik daar recht op had.",
            "Ik kreeg hulp om mijn papieren op orde te brengen, en nu heb ik eindelijk overzicht.",
            ("Ze hebben me in contact gebracht met een vrijwilliger die nu elke week komt.", "eenzaamheid"),
        ],
        "bewoner": [
            "Ze hebben mijn buurvrouw geholpen met allerlei papieren. Ze is er echt van opgeknapt.",
            "Het is goed dat er iemand is die mensen helpt die het zelf niet redden.",
        ],
    },
    "samenwerking": {
        "professional": [
            "De samenwerking tussen corporatie, gemeente en zorg was in het begin stroef; iedereen had zijn eigen "
            "belang.",
            "Binnen het netwerk van Vollenhove Vooruit weten we elkaar nu beter te vinden.",
            "Het helpt enorm dat er één overleg is waar alle partners aanschuiven en waar je knopen kunt "
            "doorhakken.",
            "Elke organisatie rapporteert aan zijn eigen leiding, en dat maakt gezamenlijk sturen ingewikkeld.",
            ("Door de korte lijn met de corporatie wordt een kapotte lift of een lekkage snel gemeld en opgelost.",
             "woning_kwaliteit"),
            "Er is nog te weinig verbinding met de scholen en de huisartsen in de buurt.",
            "We moesten leren elkaars taal te spreken: een bouwer denkt in planningen, een hulpverlener in mensen.",
            "De financiering is tijdelijk. Dat maakt het lastig om afspraken voor de lange termijn te maken.",
            "Wat werkt, is dat we elkaar aanspreken als iets niet goed gaat, zonder dat het meteen een conflict "
            "wordt.",
        ],
        "cliënt": [
            "Ik hoefde mijn verhaal maar één keer te vertellen. Het team regelde de rest met de andere instanties.",
            "De gemeente en het team zeiden soms verschillende dingen. Dan weet je niet wie je moet geloven.",
        ],
    },
    "geldzorgen": {
        "professional": [
            "In deze flat wonen veel mensen met een laag inkomen, en de schulden zijn vaak groter dan je denkt.",
            "Schulden zijn bijna altijd een deel van het verhaal, ook als de vraag over iets anders gaat.",
            "De drempel naar schuldhulpverlening is hoog. Wij kunnen die verlagen door mee te gaan.",
            "Betalingsachterstanden bij de corporatie zijn een belangrijk signaal. Daar moeten we sneller op "
            "kunnen reageren.",
            "Met de hoge energieprijzen zagen we mensen die nooit eerder in de problemen zaten.",
            "Mensen die werken maar net boven de grens zitten, vallen overal buiten.",
            ("Geldzorgen en gezondheidsklachten gaan hand in hand. Wie stress heeft over geld, slaapt slecht en "
             "eet slecht.", "gezondheid"),
        ],
        "cliënt": [
            "Ik had betalingsregelingen met zes verschillende schuldeisers. Nu is het één regeling, dat geeft rust.",
            "Ik durfde niet te zeggen dat ik schulden had. Ze vroegen er zelf naar, heel voorzichtig.",
            "Ik heb een tijd geen geld gehad voor eten. Ze hebben me naar de voedselbank gebracht.",
            "Nu krijg ik eindelijk de toeslagen waar ik recht op heb.",
            "De deurwaarder stond voor de deur, en ik wist niet wat ik moest doen.",
            "Ik heb leren budgetteren. Ik zet nu elke week wat geld opzij.",
            "Ik werk, maar het is nooit genoeg. De huur en de boodschappen slokken alles op.",
        ],
        "bewoner": [
            "Iedereen heeft het hier krap, je ziet het aan wat mensen in hun boodschappenkar hebben.",
            "Sinds alles duurder is geworden, ga ik niet meer uit eten of naar de film.",
            "Ik weet dat er mensen in de flat zijn die echt geen geld hebben voor eten.",
        ],
    },
    "gezondheid": {
        "professional": [
            "We zien veel bewoners met chronische klachten die niet goed onder behandeling zijn.",
            "Psychische problemen komen veel voor, maar mensen praten er niet over.",
            "Door de renovatie kwamen we binnen bij mensen die zorg nodig hadden maar er nooit om hadden gevraagd.",
            "Verslaving speelt bij een deel van de bewoners, en dat zie je pas als je echt binnen bent.",
            "Het zou helpen als de huisarts hier vaker zou aanschuiven.",
            "Gezondheid staat bij mensen met geldzorgen onderaan de lijst. Eerst moet de huur betaald worden.",
        ],
        "cliënt": [
            "Ik heb suikerziekte, en door alle stress lette ik niet meer op mijn eten.",
            "Ik sliep slecht door de zorgen over geld. Nu het beter gaat, slaap ik ook beter.",
            "Ze hebben me geholpen een psycholoog te vinden. Dat had ik zelf nooit gedaan.",
            "Met mijn rug kan ik weinig, maar ik ben wel weer gaan wandelen met een groepje.",
            "Ik heb lang niet durven zeggen dat ik somber was.",
            "Mijn gezondheid is niet goed, maar ik heb nu wel een vaste huisarts.",
            "Door de nieuwe ventilatie heb ik minder last van mijn longen.",
        ],
        "bewoner": [
            "Er is in de buurt weinig te doen om fit te blijven, zeker voor ouderen.",
            "Er zit een huisartsenpraktijk om de hoek, dat is fijn.",
            "Veel mensen hier roken en drinken, dat zie je gewoon op straat.",
        ],
    },
    "eenzaamheid": {
        "professional": [
            "Achter veel deuren zit iemand die weken niemand spreekt. Dat kwamen we tijdens de renovatie pas echt "
            "tegen.",
            "Ontmoeting organiseren lukt wel, maar de mensen die het meest eenzaam zijn, komen er niet op af.",
            "Voor sommige bewoners zijn wij het enige contact dat ze hebben. Dat is eigenlijk te veel gevraagd.",
            "Bij oudere mannen die alleen wonen, zie je de eenzaamheid het minst, omdat ze het niet laten merken.",
            ("Een kop koffie in de gemeenschappelijke ruimte is vaak het begin van een gesprek over veel grotere "
             "dingen.", "bereikbaarheid_team"),
        ],
        "cliënt": [
            "Ik zat altijd alleen thuis. Nu ga ik naar de koffieochtend beneden in de flat.",
            "Sinds mijn vrouw is overleden, praat ik weinig met mensen. Het team komt af en toe langs, dat is fijn.",
            "Ik wil wel mensen leren kennen, maar ik weet niet hoe.",
            "Door de renovatie heb ik mijn buren beter leren kennen. We moesten samen van alles regelen.",
            "Mijn familie woont in het buitenland. Hier heb ik eigenlijk niemand.",
            "Ik ben niet eenzaam, hoor. Ik heb mijn hond en mijn volkstuin.",
        ],
        "bewoner": [
            "In de flat kennen de mensen elkaar nauwelijks, iedereen doet de deur dicht.",
            "Er wonen veel oudere mensen alleen. Ik vraag me af hoe het met ze gaat.",
            "Het zou mooi zijn als er in de buurt een plek komt waar je gewoon even met anderen kunt zitten.",
            "Ik voel me hier thuis, ik ken veel mensen via de school van de kinderen.",
            "Na de renovatie zijn er nieuwe mensen bij gekomen die ik nog niet ken.",
        ],
    },
    "veiligheid": {
        "professional": [
            "De flat had een slechte naam door drugsoverlast. Dat is niet helemaal weg, maar het is wel minder "
            "zichtbaar.",
            "Door de nieuwe toegangsdeuren komen er minder mensen van buiten in het trappenhuis.",
            "Bewoners melden overlast liever bij ons dan bij de politie. Dat vraagt om goede afspraken over wat we "
            "ermee doen.",
        ],
        "cliënt": [
            "Het trappenhuis voelt nu veiliger, er is licht en je ziet wie er binnenkomt.",
            "Ik durf 's avonds nog steeds niet naar de vuilcontainer.",
            "Een paar buren maken veel lawaai, en ik durf er niets van te zeggen.",
        ],
        "bewoner": [
            "Rond de flat hangen 's avonds groepjes, dat geeft geen prettig gevoel.",
            "Ik voel me hier prima veilig, het wordt erger gemaakt dan het is.",
            "Er wordt in de buurt gedeald, dat weet iedereen. Maar er gebeurt niks mee.",
            "Sinds er camera's bij de ingang hangen, is het rustiger geworden.",
            "Fietsen worden hier vaak gestolen, ook als ze op slot staan.",
            "Je ziet de wijkagent vaker dan vroeger, dat vind ik goed.",
            "Het parkje naast de flat is 's avonds donker, daar loop ik niet meer doorheen.",
            "Er rijden veel auto's te hard door de straat, ik ben bang voor de kinderen.",
            "Het is hier echt rustiger geworden vergeleken met een paar jaar geleden.",
            "Ik hoor 's nachts vaak geschreeuw, maar ik weet niet waar het vandaan komt.",
            "Er is een keer ingebroken bij de buren. Sindsdien doe ik de deur altijd op het nachtslot.",
        ],
    },
    "imago": {
        "professional": [
            "Mensen van buiten denken bij Vollenhove nog steeds aan de oude verhalen. Dat doet de bewoners tekort.",
        ],
        "bewoner": [
            "Als ik zeg dat ik in Vollenhove woon, trekken mensen een gezicht. Dat vind ik jammer.",
            "Vollenhove heeft een slechtere naam dan het verdient.",
            "Het imago verbetert langzaam, vooral door de nieuwe gebouwen.",
            "Ik ben hier opgegroeid en ik ben er trots op, wat anderen er ook van zeggen.",
            "In de krant lees je alleen iets over Vollenhove als er iets ergs is gebeurd.",
            "Voor mijn gevoel is de buurt de laatste jaren vooruitgegaan.",
            "Mensen die hier niet wonen, hebben geen idee hoe het hier echt is.",
            "Er wordt veel in de buurt geïnvesteerd, dat zie je. Maar die naam, die blijft.",
            "De buurt is erg veranderd. Vroeger kende iedereen elkaar, nu voelt het anoniemer.",
            "Ik zou mijn kinderen hier met een gerust hart laten opgroeien.",
            "Eerlijk gezegd wil ik hier weg, het is niet meer de buurt waar ik ooit kwam wonen.",
            ("Het groen en de rust maken de buurt mooi. Dat zien mensen van buiten niet.", "groen_buitenruimte"),
            "De buurt wordt steeds gemengder, dat vind ik een goede ontwikkeling.",
            ("Kennissen vragen of het hier wel veilig is. Dan moet ik lachen, want ik voel me hier prima.",
             "veiligheid"),
        ],
    },
    "groen_buitenruimte": {
        "cliënt": [
            "Ik zou graag een bankje voor de flat willen, zodat ik even buiten kan zitten.",
        ],
        "bewoner": [
            "Het mooie van deze buurt is al het groen. Je bent zo in het bos.",
            "Het grasveld achter de flat is slecht onderhouden, het ligt vol rommel.",
            "Er is een nieuwe speeltuin gekomen, en die wordt goed gebruikt.",
            "Er zouden meer bankjes langs het wandelpad mogen komen.",
            "De bomen langs de straat geven in de zomer heerlijk schaduw.",
            "De containers staan vaak vol, en dan ligt het afval ernaast.",
            "Ik mis een plek waar de buurt samen kan tuinieren.",
            "Het plein voor de flat is kaal en stenig, daar kan best wat groen bij.",
            "Hondenbezitters ruimen de poep niet op, het gras is er vies van.",
            "Ik loop elke dag met de hond door het park, het is een fijne plek.",
        ],
    },
    "kinderen": {
        "professional": [
            "Kinderen in de flat groeien op met veel zorgen thuis. Dat zie je terug op school.",
            "Voor kinderen van drie tot twaalf is er in de buurt zelf nog weinig aanbod.",
        ],
        "cliënt": [
            "Mijn kinderen hebben nu eindelijk een eigen kamer om huiswerk te maken.",
            "Via het team gaat mijn dochter nu naar een sportclub. Ze is er helemaal van opgebloeid.",
        ],
        "bewoner": [
            "Voor de kleintjes is er genoeg speelruimte, maar voor de grotere kinderen niks.",
            "De school in de buurt heeft een goede naam, daarom zijn we hier komen wonen.",
            "De kinderen spelen buiten op straat, en er rijdt nogal hard verkeer.",
            "Er is op woensdag een kinderclub, daar gaan mijn kinderen graag naartoe.",
            "Veel kinderen hier hebben thuis weinig ruimte. Ze zitten met z'n allen in een kleine flat.",
            "Ik zou willen dat er huiswerkbegeleiding in de buurt is, want ik kan mijn zoon niet goed helpen.",
        ],
    },
}

ZEIST = Spec(
    slug="zeist",
    seed=35_5023,
    segment_prefix="Z-S",
    titel="Vollenhove: de sociale renovatie van de L-flat en het imago van de buurt, kwalitatieve meting 2023 "
          "(fictief voorbeeld)",
    inleiding=FICTIEF + (
        "De opzet volgt wel het veldwerk in Zeist: bij de evaluatie van de sociale renovatie van de L-flat in "
        "2022 zijn professionals en cliënten van team Voor L-kaar geïnterviewd en zijn bewoners van de flat op "
        "straat aangesproken. Daarnaast zijn de open antwoorden uit het imago-onderzoek onder bewoners van "
        "Vollenhove gecodeerd."
    ),
    activiteiten=(
        Activity("interviews-professionals", "diepte-interview", "professional", "2022",
                 "Interviews met professionals die bij team Voor L-kaar en de sociale renovatie van de L-flat "
                 "betrokken waren.", 18, "Z-P", (2, 3, 4)),
        Activity("interviews-clienten", "diepte-interview", "cliënt", "2022",
                 "Interviews met bewoners van de L-flat die ondersteuning kregen van team Voor L-kaar.", 21, "Z-C",
                 (2, 3, 4)),
        Activity("straatinterviews", "straatinterview", "bewoner", "2022",
                 "Korte straatinterviews met bewoners van de L-flat.", 23, "Z-S", (1, 1, 1, 2, 2)),
        Activity("imago-onderzoek", "vragenlijst", "bewoner", "2023",
                 "Open antwoorden uit het imago-onderzoek onder bewoners van Vollenhove.", 30, "Z-V",
                 (1, 1, 1, 2, 2)),
    ),
    codes=ZEIST_CODES,
    quotes=ZEIST_QUOTES,
    planted=(
        Planted("Z-P01", "hulp_op_maat",
                "Wie een vraag heeft, kan mailen naar joke.vandam@voorbeeld.nl; Joke van Dam plant dan een "
                "huisbezoek in.", ("naam", "e-mail")),
        Planted("Z-P01", "woning_kwaliteit",
                "Bij de bewoner aan de Vollenhovelaan 23, 3705 KM, staat de badkamer na de oplevering nog steeds "
                "blank.", ("adres", "postcode")),
        Planted("Z-P02", "geldzorgen",
                "Hij belde in paniek naar mijn werknummer 06-51762430 omdat de deurwaarder op de stoep stond. "
                "Samen met Sander Bosman van de schuldhulp hebben we het opgelost.", ("mobiel", "naam")),
    ),
)


# =============================================================================================
# Amersfoort — Soesterkwartier
# =============================================================================================

AMERSFOORT_CODES = (
    ("gezondheid", "Gezondheid en leefstijl", "Algemene uitspraken over gezondheid in de wijk.", "gezondheid",
     ""),
    ("bewegen", "Bewegen en sport",
     "Sporten, bewegen in de openbare ruimte, sportclubs en wat bewegen in de weg staat.", "gezondheid",
     "gezondheid"),
    ("eenzaamheid", "Eenzaamheid en mentaal welzijn",
     "Alleen zijn, psychische klachten en verborgen eenzaamheid, ook bij mantelzorgers en jonge ouders.",
     "gezondheid", "gezondheid"),
    ("veiligheid", "Veiligheid", "Algemene uitspraken over veiligheid in het Soesterkwartier.", "veiligheid", ""),
    ("overlast", "Overlast en verloedering",
     "Verkeer, parkeren, geluid, afval en graffiti.", "veiligheid", "veiligheid"),
    ("ondermijning", "Signalen van ondermijning",
     "Verdachte panden en bedrijfjes, werving van jongeren en het melden van signalen.", "veiligheid",
     "veiligheid"),
    ("meedoen", "Meedoen en bestaanszekerheid", "Algemene uitspraken over meedoen en rondkomen.",
     "participatie", ""),
    ("armoede", "Armoede en schulden",
     "Rondkomen, schulden, regelingen en hulp bij de administratie.", "participatie", "meedoen"),
    ("ontmoeting", "Ontmoetingsplekken en vrijwilligers",
     "Het wijkcentrum, buurtactiviteiten, vrijwilligerswerk en contact tussen oude en nieuwe bewoners.",
     "participatie", "meedoen"),
    ("jeugd_onderwijs", "Jeugd, school en stages",
     "Schooladvies, overgang naar het voortgezet onderwijs, huiswerkbegeleiding, stages en aanbod voor "
     "jongeren.", "onderwijs", ""),
    ("nieuwbouw", "Nieuwbouw en verandering van de wijk",
     "Nieuwe woningen, betaalbaarheid, voorzieningen en hoe de wijk van karakter verandert.", "wonen", ""),
    ("groen", "Groen en openbare ruimte",
     "Parken, groenstroken, speelplekken, bankjes en onderhoud.", "wonen", ""),
    ("samenwerking", "Samenwerking tussen professionals en bewoners",
     "Samenwerking tussen organisaties, de rol van bewoners en sleutelfiguren en het werken met doelen.",
     "overig", ""),
)

AMERSFOORT_QUOTES: dict[str, dict[str, list[Quote]]] = {
    "gezondheid": {
        "sleutelfiguur": [
            "Gezondheid is hier een verhaal van twee werelden: de nieuwe bewoners sporten en fietsen, in de oude "
            "straten zie je meer mensen met klachten.",
        ],
        "bewoner": [
            "Ik voel me gezonder sinds ik hier woon, er is meer rust dan waar ik vandaan kom.",
        ],
    },
    "bewegen": {
        "sleutelfiguur": [
            ("Bij de voetbalclub merken we dat steeds meer ouders de contributie niet kunnen betalen. Via het "
             "jeugdfonds lossen we dat meestal op.", "armoede"),
            "De beweegtuin bij het wijkcentrum wordt vooral gebruikt door een vast clubje ouderen. Die komen er "
            "elke ochtend.",
        ],
        "professional": [
            "Het beweegaanbod voor ouderen loopt goed, maar volwassenen tussen dertig en vijftig bereiken we "
            "nauwelijks.",
            ("De sportcoach is voor de kinderen in de wijk een vertrouwd gezicht geworden.", "jeugd_onderwijs"),
            "Voor bewoners met een krappe beurs is een sportabonnement echt geen optie.",
        ],
        "bewoner": [
            "Ik fiets overal naartoe, de stad is dichtbij.",
            "Er is een voetbalkooi, maar die is altijd bezet door de grotere jongens.",
            "Ik zou wel willen sporten, maar met drie kinderen en twee banen heb ik daar geen tijd voor.",
            ("Het wandelpad langs het spoor is fijn, maar het ligt er slecht bij.", "groen"),
            "Mijn dochter zit via school op turnen. Het is gratis en ze vindt het geweldig.",
        ],
    },
    "eenzaamheid": {
        "sleutelfiguur": [
            "In de kerk zie ik veel ouderen die alleen zijn overgebleven. Hun netwerk is de afgelopen jaren "
            "weggevallen.",
            "Eenzaamheid is niet alleen iets van ouderen. Ik spreek ook jonge moeders die hier niemand kennen.",
            "Mensen schamen zich om te zeggen dat ze eenzaam zijn. Je moet het zelf opmerken.",
        ],
        "professional": [
            "We zien steeds meer mensen met psychische klachten die alleen wonen en niemand hebben.",
            "Eenzaamheid is lastig te signaleren. Mensen komen pas als er iets anders misgaat.",
            ("Samen een maaltijd eten werkt beter dan een activiteit die 'tegen eenzaamheid' heet.", "ontmoeting"),
            "Bij mantelzorgers zien we veel verborgen eenzaamheid.",
        ],
        "bewoner": [
            "Sinds ik met pensioen ben, mis ik de collega's. Ik moet nog wennen aan al die lege uren.",
            "Ik ken mijn buren al veertig jaar. Gelukkig maar, want verder heb ik niet veel mensen meer.",
            "Als alleenstaande moeder heb ik weinig tijd voor vrienden. Soms voel ik me echt alleen.",
            ("Ik ga elke week naar het eetcafé in het wijkcentrum. Je ziet er altijd dezelfde gezichten, dat is "
             "gezellig.", "ontmoeting"),
            "Veel mensen die ik kende, zijn verhuisd of overleden. De buurt voelt anders.",
        ],
    },
    "veiligheid": {
        "sleutelfiguur": [
            "Al met al is het Soesterkwartier veiliger geworden, maar er zijn een paar plekken waar het blijft "
            "schuren.",
        ],
        "bewoner": [
            "Ik voel me hier meestal veilig, maar ik let wel beter op dan vroeger.",
            "Het is hier rustig, behalve in het weekend.",
        ],
    },
    "overlast": {
        "sleutelfiguur": [
            ("Het parkeren is een bron van ergernis, zeker sinds de nieuwe woningen er zijn. Dat leidt tot ruzies "
             "tussen buren.", "nieuwbouw"),
            "Bij het spoor wordt 's avonds veel rommel achtergelaten, en dat trekt weer meer rommel aan.",
        ],
        "professional": [
            "De meldingen over overlast komen vooral uit een paar straten; het is geen probleem van de hele wijk.",
            "Overlast door verwarde personen neemt toe en vraagt om een andere aanpak dan handhaving.",
        ],
        "bewoner": [
            "Auto's die te hard rijden, dat is hier echt een probleem.",
            "Er staan steeds vaker bestelbusjes in de straat die er dagenlang blijven staan.",
            "In het weekend is het bij de snackbar vaak tot laat onrustig.",
            "Afval wordt naast de containers gezet, en dan komen de ratten.",
            "Mijn buren hebben vaak harde muziek aan. Ik heb er een keer wat van gezegd, maar het helpt niet.",
            ("Parkeren is een drama sinds er zoveel nieuwe woningen bij zijn gekomen.", "nieuwbouw"),
            "Graffiti op de muren bij de tunnel: ze halen het weg en een week later zit het er weer.",
        ],
    },
    "ondermijning": {
        "sleutelfiguur": [
            "Er zijn bedrijfjes in de wijk waarvan je je afvraagt waar het geld vandaan komt.",
            "Jongeren vertellen me dat ze worden benaderd om iets te vervoeren. Ze weten vaak niet eens wat.",
            "Mensen zien wel dingen, maar melden het niet, omdat ze niet weten of er iets mee gebeurt.",
        ],
        "professional": [
            "We krijgen signalen over woningen die zonder vergunning per kamer worden verhuurd.",
            "De grens tussen overlevingscriminaliteit en georganiseerde criminaliteit is soms dun.",
            "Professionals weten niet altijd waar ze een signaal van ondermijning kwijt kunnen.",
            "We hebben een training gehad in het herkennen van signalen. Daarna zag ik ineens veel meer.",
            "Jongeren worden via sociale media benaderd voor klusjes. Ouders hebben geen idee.",
        ],
        "bewoner": [
            "Er is een huis in de straat waar steeds andere mensen wonen. Niemand weet wie het zijn.",
            "Ik zie jongens met dure spullen die volgens mij geen baan hebben. Dat klopt toch niet.",
        ],
    },
    "meedoen": {
        "sleutelfiguur": [
            "Veel mensen willen graag iets bijdragen, maar het moet laagdrempelig zijn en niet te veel "
            "verplichtingen met zich meebrengen.",
        ],
        "bewoner": [
            "Ik zou best wat voor de buurt willen doen, maar niemand heeft het me ooit gevraagd.",
        ],
    },
    "armoede": {
        "sleutelfiguur": [
            "De voedselbank ziet de laatste tijd meer gezinnen met een baan. Dat was vroeger anders.",
            "Mensen met geldzorgen trekken zich terug. Je ziet ze niet meer bij activiteiten.",
            ("Op school zien we kinderen zonder ontbijt, en in de winter zonder goede jas.", "jeugd_onderwijs"),
        ],
        "professional": [
            "Armoede in het Soesterkwartier is vaak onzichtbaar. Mensen hebben een nette voordeur, maar een lege "
            "koelkast.",
            "De regelingen zijn er wel, maar het aanvragen ervan is een drempel op zich.",
            "We zien dat schulden van generatie op generatie doorgaan.",
            "Hulp bij de administratie is cruciaal. Veel problemen beginnen met een gemiste brief.",
            ("Geldzorgen hebben direct invloed op de gezondheid: mensen stellen de tandarts of de fysiotherapeut "
             "uit.", "gezondheid"),
        ],
        "bewoner": [
            "We redden het net, maar er is geen ruimte voor tegenvallers.",
            "Ik heb hulp gekregen van de schuldhulp, en nu gaat het beter. Maar het heeft jaren geduurd.",
            "Vorige winter hebben we de verwarming nauwelijks aangezet.",
            "Ik durf geen hulp te vragen, ik wil niet dat mensen denken dat ik het niet kan.",
            "De kinderen willen mee op schoolreisje, en dan moet je weer ergens geld vandaan halen.",
        ],
    },
    "ontmoeting": {
        "sleutelfiguur": [
            "Het wijkcentrum is de huiskamer van de buurt, maar het is te klein voor alles wat we willen.",
            "De nieuwe en de oude bewoners leven nog te veel langs elkaar heen.",
            "Ons buurtfeest trekt elk jaar meer mensen, ook uit de nieuwbouw.",
            "Vrijwilligers zijn het cement van de buurt, maar ze worden ouder en er komen er weinig bij.",
            "Een plek waar jongeren zelf iets kunnen organiseren, zou ontzettend helpen.",
        ],
        "professional": [
            "Het wijkcentrum draait op vrijwilligers. Als die wegvallen, valt er veel stil.",
            "De ontmoetingsplekken worden vooral gebruikt door steeds dezelfde groep mensen.",
        ],
        "bewoner": [
            "Het wijkcentrum is fijn, maar de activiteiten zijn vooral voor ouderen.",
            "Via de moestuin heb ik nieuwe mensen leren kennen, ook uit de nieuwbouw.",
            "Er is te weinig plek waar jongeren samen kunnen komen.",
            "Op het buurtfeest zag ik mensen die ik nog nooit had gezien, terwijl ze om de hoek wonen.",
            "Ik ben vrijwilliger bij de kledingbank, dat geeft me veel voldoening.",
            "Er zou een plek moeten komen waar je gewoon binnen kunt lopen voor een kop koffie.",
        ],
    },
    "jeugd_onderwijs": {
        "sleutelfiguur": [
            "Kinderen hier krijgen van thuis vaak minder mee. De school doet er alles aan om dat te compenseren.",
            "Voor jongeren vanaf twaalf is er in de wijk zelf bijna niets.",
            "Stages bij bedrijven in de wijk zouden een mooie manier zijn om jongeren en ondernemers te verbinden.",
        ],
        "professional": [
            "De overstap van de basisschool naar het voortgezet onderwijs is voor veel kinderen een kwetsbaar "
            "moment.",
            "Het schooladvies valt voor kinderen uit deze wijk vaak lager uit dan wat ze kunnen.",
            "Met de brede school hebben we een mooi naschools aanbod, maar niet alle kinderen doen mee.",
            "Jongeren haken af in het mbo omdat ze geen stageplek vinden of omdat de opleiding niet bij ze past.",
            "Ouders bij school betrekken is lastig, zeker als de taal een drempel is.",
        ],
        "bewoner": [
            "De school van mijn kinderen is goed, de juffen zijn betrokken.",
            "Voor mijn zoon van vijftien is er niks te doen. Hij hangt op straat of zit achter zijn scherm.",
            "Ik zou graag willen dat er huiswerkbegeleiding komt, want betalen kan ik het niet.",
            "Mijn dochter kreeg een lager schooladvies dan ik had verwacht. Daar ben ik nog steeds boos over.",
        ],
    },
    "nieuwbouw": {
        "sleutelfiguur": [
            "De wijk verandert snel. Er komen veel nieuwe mensen bij, en dat geeft spanning met de oudere "
            "bewoners.",
            "De nieuwe woningen zijn te duur voor de kinderen van mensen die hier al generaties wonen.",
            "De bouw biedt ook kansen: nieuwe voorzieningen, nieuwe mensen met energie.",
        ],
        "professional": [
            "De nieuwbouw trekt andere bewoners aan. De voorzieningen moeten meegroeien, anders ontstaan er twee "
            "werelden.",
        ],
        "bewoner": [
            "Er wordt veel gebouwd, maar voor wie? Mijn kinderen kunnen het niet betalen.",
            "De nieuwe huizen zijn mooi, de wijk wordt er aantrekkelijker van.",
            "De oude buurt verdwijnt een beetje. Ik herken het soms niet meer.",
            "Het is fijn dat de oude loodsen weg zijn, dat was een rommelig terrein.",
            "Mensen in de nieuwbouw groeten niet. Ze komen en gaan met de auto.",
            "Door de bouw is er al jaren herrie en stof. Ik ben er wel klaar mee.",
            "Ik hoop dat er met al die nieuwe mensen ook een supermarkt en een huisarts bij komen.",
            "Wij wonen al drie generaties in deze straat. Ik hoop dat er plek blijft voor mensen zoals wij.",
        ],
    },
    "groen": {
        "sleutelfiguur": [
            "Het groen langs het spoor heeft potentie, maar nu is het vooral een rommelige strook.",
        ],
        "bewoner": [
            "In de oude straten is te weinig groen, het zijn alleen maar stenen.",
            "Het park is mooi, maar er staan te weinig bankjes.",
            "Bij de nieuwbouw hebben ze mooie groenstroken aangelegd, dat mag in de rest van de wijk ook.",
            "Voor de bouw zijn veel bomen gekapt, dat vind ik jammer.",
            "De speeltuin is opgeknapt, mijn kinderen spelen er graag.",
            ("Het zou fijn zijn als er een plek komt om samen te tuinieren.", "ontmoeting"),
            "Het onderhoud van het groen laat te wensen over, het onkruid groeit tussen de stoeptegels.",
        ],
    },
    "samenwerking": {
        "sleutelfiguur": [
            "De gemeente komt vaak met plannen die al klaar zijn. Ik zou graag eerder aan tafel zitten.",
            "De lijntjes met de wijkmakelaar zijn kort, daar heb ik veel aan.",
            "Ik word voor heel veel overleggen gevraagd. Naast mijn eigenlijke werk is dat op een gegeven moment "
            "niet meer te doen.",
            "Organisaties komen en gaan met hun projecten. Wat de buurt nodig heeft, is iets wat blijft.",
            "Er is goed contact tussen de school en het wijkteam, maar met de sportclubs nog niet.",
        ],
        "professional": [
            "De samenwerking tussen wijkteam en welzijn is de laatste jaren echt verbeterd.",
            "We zitten met veel partijen aan tafel, maar het ontbreekt aan een gezamenlijke agenda.",
            "Het logic model heeft ons geholpen om scherper te krijgen wat we samen willen bereiken.",
            "Bewoners zijn nog te weinig betrokken bij het bepalen van de doelen.",
            "Informatie delen tussen organisaties blijft moeizaam door de privacyregels.",
            "We zouden vaker samen de wijk in moeten gaan, in plaats van alleen te vergaderen.",
        ],
        "bewoner": [
            "Ik weet niet bij wie ik moet zijn als ik een probleem heb. Er zijn zoveel loketten.",
        ],
    },
}

AMERSFOORT = Spec(
    slug="amersfoort",
    seed=30_7023,
    segment_prefix="A-S",
    titel="Soesterkwartier, eerste kwalitatieve meting 2023 (fictief voorbeeld)",
    inleiding=FICTIEF + (
        "De opzet volgt wel het plan voor de eerste kwalitatieve meting in Amersfoort, in de tweede helft van "
        "2023: gesprekken met sleutelfiguren uit de wijk, een focusgroep met professionals en interviews met "
        "bewoners van het Soesterkwartier, gericht op de doelen die de gemeente per thema voor de monitor heeft "
        "gekozen."
    ),
    activiteiten=(
        Activity("sleutelfiguren", "diepte-interview", "sleutelfiguur", "2023-Q3",
                 "Gesprekken met sleutelfiguren uit de wijk: een buurtvereniging, een school, een sportclub, een "
                 "kerk, een ondernemer en een actieve bewoner.", 6, "A-SF", (3, 4, 5, 6)),
        Activity("fg-professionals", "focusgroep", "professional", "2023-Q4",
                 "Focusgroep met professionals van wijkteam, welzijn, jongerenwerk, onderwijs en gemeente.", 8,
                 "A-FP", (3, 4, 5)),
        Activity("interviews-bewoners", "diepte-interview", "bewoner", "2023-Q4",
                 "Interviews met bewoners van het Soesterkwartier, uit de oude straten en uit de nieuwbouw.", 12,
                 "A-B", (3, 4, 5, 6)),
    ),
    codes=AMERSFOORT_CODES,
    quotes=AMERSFOORT_QUOTES,
    planted=(
        Planted("A-SF01", "ontmoeting",
                "Henk Jansen van de buurtvereniging regelt de koffieochtend; mensen kunnen hem mailen op "
                "h.jansen@voorbeeld.nl.", ("naam", "e-mail")),
        Planted("A-SF01", "overlast",
                "Bij mij voor de deur, Spoorwerkerslaan 71, 3812 NK, staan elke avond auto's met draaiende motor.",
                ("adres", "postcode")),
    ),
)

SPECS: tuple[Spec, ...] = (UTRECHT, NIEUWEGEIN, ZEIST, AMERSFOORT)

#: Planted personal details per gemeente: [(deelnemer_id, code_id, details)], for the record.
PLANTED = {s.slug: [(p.deelnemer_id, p.code_id, p.details) for p in s.planted] for s in SPECS}


# =============================================================================================
# generation
# =============================================================================================


def _split(q: Quote) -> tuple[str, str]:
    return (q, "") if isinstance(q, str) else q


def _check(spec: Spec) -> None:
    codes = [c[0] for c in spec.codes]
    assert len(codes) == len(set(codes)), spec.slug
    groups = {a.groep for a in spec.activiteiten}
    for code, banks in spec.quotes.items():
        assert code in codes, (spec.slug, code)
        for groep, bank in banks.items():
            assert groep in groups, (spec.slug, code, groep)
            for q in bank:
                _, also = _split(q)
                assert also == "" or (also in codes and also != code), (spec.slug, code, also)
    ids = {f"{a.prefix}{i:02d}" for a in spec.activiteiten for i in range(1, a.n + 1)}
    for p in spec.planted:
        assert p.deelnemer_id in ids and p.code_id in codes, (spec.slug, p)


def _pick(rng: random.Random, weights: list[tuple[str, int]]) -> str:
    total = sum(w for _, w in weights)
    r = rng.random() * total
    for key, w in weights:
        r -= w
        if r < 0:
            return key
    return weights[-1][0]


def generate(spec: Spec) -> dict[str, Any]:
    """The rows of one dataset (deterministic for a given spec)."""
    _check(spec)
    rng = random.Random(spec.seed)
    code_order = [c[0] for c in spec.codes]
    pools: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for code in code_order:
        for groep, bank in spec.quotes.get(code, {}).items():
            pool = [_split(q) for q in bank]
            rng.shuffle(pool)
            pools[(code, groep)] = pool

    # A planted code stays unused until its planted segment has been written, so that segment
    # is the first of its code.
    blocked = {p.code_id for p in spec.planted}
    deelnemers: list[dict[str, str]] = []
    segmenten: list[dict[str, str]] = []
    number = 0

    def add(pid: str, codes: list[str], tekst: str, publiceerbaar: str) -> None:
        nonlocal number
        number += 1
        sid = f"{spec.segment_prefix}{number:04d}"
        for code in codes:
            segmenten.append({"segment_id": sid, "deelnemer_id": pid, "code_id": code, "tekst": tekst,
                              "publiceerbaar": publiceerbaar})

    for act in spec.activiteiten:
        for i in range(1, act.n + 1):
            pid = f"{act.prefix}{i:02d}"
            deelnemers.append({"deelnemer_id": pid, "activiteit_id": act.id, "groep": act.groep,
                               "methode": act.methode})
            mine = [p for p in spec.planted if p.deelnemer_id == pid]
            for p in mine:
                add(pid, [p.code_id], p.tekst, "nee")
                blocked.discard(p.code_id)
            wanted = max(rng.choice(act.segmenten), len(mine) + 1) - len(mine)
            used = {p.code_id for p in mine}
            for _ in range(wanted):
                weights = []
                for code in code_order:
                    pool = pools.get((code, act.groep), [])
                    if code in used or code in blocked:
                        continue
                    n = sum(1 for _, also in pool if also not in blocked)
                    if n:
                        weights.append((code, n))
                if not weights:
                    break
                code = _pick(rng, weights)
                pool = pools[(code, act.groep)]
                k = next(j for j, (_, also) in enumerate(pool) if also not in blocked)
                tekst, also = pool.pop(k)
                used.add(code)
                add(pid, [code] + ([also] if also else []), tekst, "ja")
            assert any(s["deelnemer_id"] == pid for s in segmenten), f"{pid}: no quotes left"

    # The researcher's review: a fixed share of the ordinary segments is kept off the pages.
    gewoon = sorted({s["segment_id"] for s in segmenten if s["publiceerbaar"] == "ja"})
    niet = set(rng.sample(gewoon, round(P_NIET_PUBLICEERBAAR * len(gewoon))))
    for s in segmenten:
        if s["segment_id"] in niet:
            s["publiceerbaar"] = "nee"

    codeboek = [dict(zip(("code_id", "label", "omschrijving", "pijler", "ouder"), c)) for c in spec.codes]
    veldwerk: dict[str, Any] = {
        "gemeente": spec.slug,
        "meting": METING,
        "fictief": True,
        "titel": spec.titel,
        "inleiding": spec.inleiding,
        "activiteiten": [
            {"id": a.id, "methode": a.methode, "groep": a.groep, "periode": a.periode, "omschrijving": a.omschrijving}
            for a in spec.activiteiten
        ],
    }
    antwoorden: list[dict[str, str]] = []
    if spec.vragenlijst is not None:
        veldwerk["vragenlijst"] = spec.vragenlijst
        antwoorden = _answers(spec, [d["deelnemer_id"] for d in deelnemers
                                     if d["methode"] == "vragenlijst"])
    return {"veldwerk": veldwerk, "deelnemers": deelnemers, "codeboek": codeboek, "segmenten": segmenten,
            "antwoorden": antwoorden}


def _answers(spec: Spec, respondents: list[str]) -> list[dict[str, str]]:
    """Likert answers: an item mean, a respondent's own leaning, a little noise; a few left empty."""
    assert spec.vragenlijst is not None
    rng = random.Random(spec.seed + 1)
    schaal = spec.vragenlijst["schaal"]
    items = [i["id"] for i in spec.vragenlijst["items"]]
    rows = []
    for pid in respondents:
        leaning = rng.choice((-1.0, -0.5, 0.0, 0.0, 0.5, 1.0))
        for item in items:
            score = spec.gemiddelden[item] + leaning + rng.choice((-1, 0, 0, 0, 1))
            rows.append({"deelnemer_id": pid, "item_id": item,
                         "antwoord": schaal[min(len(schaal) - 1, max(0, round(score)))]})
    for k in sorted(rng.sample(range(len(rows)), spec.ontbrekend)):
        rows[k]["antwoord"] = ""
    return rows


def build_examples(root: Path) -> list[Path]:
    """Write the four fictional datasets to ``root/<slug>/2023/``; returns the files written."""
    root = Path(root)
    written: list[Path] = []
    for spec in SPECS:
        d = generate(spec)
        written += write_dataset(root / spec.slug / str(METING), d["veldwerk"], d["deelnemers"], d["codeboek"],
                                 d["segmenten"], d["antwoorden"] or None, header=HEADER)
    return written


def main() -> None:
    from ..paths import data_dir
    from ..registries import load_registries
    from .canon import load_dataset

    root = data_dir() / "kwalitatief"
    paths = build_examples(root)
    reg = load_registries()
    for spec in SPECS:
        ds = load_dataset(root / spec.slug / str(METING), reg)
        seg = ds.segmenten.drop_duplicates("segment_id")
        print(f"{spec.slug}: {len(ds.deelnemers)} deelnemers, {len(ds.codeboek)} codes, "
              f"{len(ds.segmenten)} rijen ({len(seg)} segmenten), "
              f"publiceerbaar {(ds.segmenten['publiceerbaar'] == 'ja').mean():.0%}")
    print(f"{len(paths)} files written under {root}")


if __name__ == "__main__":
    main()
