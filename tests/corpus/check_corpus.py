#!/usr/bin/env python3
"""Checks the format and labels of the corpus files (not the readers), in every language: answers.txt,
answers-es.txt, faq-es-heldout.txt… (the labels are the same in every language). Usage: python3 check_corpus.py"""
import glob, re, sys, os
from collections import Counter

YN = "pregnant breastfeeding active_acne open_skin unstable_skin growths skin_cancer sunburn keloid cold_sores_history isotretinoin blood_thinners skin_actives bleeding_disorder immune chemo allergies peel_laser_healed dark_marks melasma".split()
YN_ONLY = ["consent", "understands_course"]
CHOICE = {
    "isotretinoin_status": "still_taking stopped",
    "diabetes": "no_diabetes diabetes_controlled diabetes_uncontrolled diabetes_unsure",
    "chemo_status": "treatment_ongoing treatment_finished",
    "skin_type": "always_burns usually_burns sometimes_burns rarely_burns very_rarely_burns never_burns skin_type_unsure",
}
MULTI = {
    "concern": "acne_scars other_scars stretch_marks wrinkles dark_patches loose_skin other_concern",
    "area": "face neck chest back_shoulders arms legs belly other_area",
    "recent_treatments": "filler botox surgery peel_laser",
}
DATES = "isotretinoin_stopped chemo_ended filler_date botox_date surgery_date".split()
TEXT = "blood_thinner_name allergy_details health_notes".split()
FAQ = ("faq_what_is faq_collagen faq_pain faq_numbing faq_safe faq_who faq_downtime faq_work faq_duration faq_cost "
       "faq_insurance faq_payment faq_sessions faq_interval faq_results faq_results_last faq_side_effects faq_aftercare "
       "faq_when_to_call faq_makeup faq_sun faq_sunscreen faq_exercise faq_pregnancy faq_breastfeeding faq_dark_skin "
       "faq_pigmentation faq_active_acne faq_acne_scars faq_keloids faq_stretch_marks faq_wrinkles faq_loose_skin "
       "faq_cold_sores faq_home_rollers faq_prepare faq_what_to_bring faq_skin_products faq_alcohol faq_medicines faq_age "
       "faq_booking faq_privacy faq_alternatives faq_bruising faq_swelling faq_infection faq_dark_marks_after "
       "faq_skin_worse faq_pain_relief faq_shaving faq_men faq_under_eyes faq_pores faq_rosacea faq_raised_scars none").split()
DATE = r"\d{4}-\d{2}-\d{2}"

def valid(q, lab):
    if lab in ("confirm", "question"):
        return True
    if q in YN: return lab in ("yes", "no", "unsure")
    if q in YN_ONLY: return lab in ("yes", "no")
    if q in CHOICE: return lab in CHOICE[q].split()
    if q in MULTI:
        if lab == "none": return q == "recent_treatments"
        parts = lab.split("+"); opts = MULTI[q].split()
        return all(p in opts for p in parts) and parts == sorted(parts, key=opts.index) and len(set(parts)) == len(parts)
    if q == "age": return lab.isdigit()
    if q in DATES:
        return lab == "vague" or re.fullmatch(DATE, lab) or re.fullmatch(DATE + r"\.\." + DATE, lab)
    if q in TEXT: return lab == "text"
    return False

def rows(path):
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or (line.startswith("#") and not line.startswith("## ")):
            continue
        yield n, line

errors = 0
here = os.path.dirname(os.path.abspath(__file__))
def files(prefix):
    """answers.txt, answers-heldout.txt, then each language's (answers-es.txt, answers-es-heldout.txt…)."""
    return sorted((os.path.basename(p) for p in glob.glob(os.path.join(here, prefix + "*.txt"))),
                  key=lambda n: (n.count("-") > (1 if n.endswith("-heldout.txt") else 0), n))

for name in files("answers"):
    q, counts = None, Counter()
    for n, line in rows(os.path.join(here, name)):
        if line.startswith("## "):
            q = line[3:].strip(); continue
        parts = line.split("\t")
        if q is None or len(parts) != 2 or not parts[0].strip() or not valid(q, parts[1]):
            print(f"{name}:{n}: bad line: {line!r}"); errors += 1
        counts[q] += 1
    print(name, sum(counts.values()), "answers,", len(counts), "questions")
for name in files("faq"):
    c = Counter()
    for n, line in rows(os.path.join(here, name)):
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in FAQ:
            print(f"{name}:{n}: bad line: {line!r}"); errors += 1
        else:
            c[parts[1]] += 1
    print(name, sum(c.values()), "questions,", len(c), "labels, none:", c["none"])
sys.exit(1 if errors else 0)
