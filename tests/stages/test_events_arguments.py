"""Arguments of events: who acts, on whom, in sentences shaped like Arabic political news.

Each sentence is invented for the test and runs through the real pipeline (entities, time,
quotes), so a test pins what the argument rules do with what the earlier stages give them.
"""

from __future__ import annotations

from functools import lru_cache

from rasid.document import Document, Page
from rasid.pipeline import default_pipeline
from rasid.stages.events import events_stage


@lru_cache(maxsize=1)
def _pipeline():
    return default_pipeline()


def _events(body: str) -> list[dict]:
    page = Page(
        source="t.txt", format="txt", text=f"عنوان الخبر\n\n{body}", meta={"date": "2023-03-15"}
    )
    doc: Document = events_stage(_pipeline().process(page)[0])
    return [s.attrs | {"trigger": s.text} for s in doc.spans["events"]]


def _names(refs: list[dict]) -> list[str]:
    return [r["text"] for r in refs]


def _on(events: list[dict], trigger: str) -> dict:
    found = [e for e in events if e["trigger"] == trigger]
    assert len(found) == 1, events
    return found[0]


def test_participle_takes_the_clause_subject_and_its_object_is_the_target() -> None:
    events = _events(
        "وقال الرئيس الفرنسي إيمانويل ماكرون إن الحوار ضروري، مطالباً روسيا وتركيا بضبط النفس."
    )
    call = _on(events, "مطالباً")
    assert _names(call["source"]) == ["إيمانويل ماكرون"]
    assert _names(call["target"]) == ["روسيا", "تركيا"]


def test_signing_by_two_named_parties_is_first_source_second_target() -> None:
    ev = _on(_events("ووقعت روسيا وأوكرانيا اتفاقاً لتبادل الأسرى في إسطنبول."), "ووقعت")
    assert _names(ev["source"]) == ["روسيا"]
    assert _names(ev["target"]) == ["أوكرانيا"]


def test_the_two_sides_before_the_verb_are_the_two_actors_of_the_meeting() -> None:
    events = _events(
        "التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان. "
        "وقال شكري إن الجانبين اتفقا على تنسيق المواقف."
    )
    agree = _on(events, "اتفقا")
    assert _names(agree["source"]) == ["الجانبين"]
    assert {r["actor"] for r in agree["source"] + agree["target"]} == {
        r["actor"] for r in _on(events, "التقى")["source"] + _on(events, "التقى")["target"]
    }


def test_verb_after_a_relative_pronoun_has_the_antecedent_as_subject() -> None:
    events = _events("وحضر الاجتماع الرئيس التركي رجب طيب أردوغان، الذي التقى أمير قطر في الدوحة.")
    meet = _on(events, "التقى")
    assert _names(meet["source"]) == ["رجب طيب أردوغان"]


def test_object_pronoun_after_a_relative_keeps_the_subject_after_the_verb() -> None:
    events = _events(
        "ورفضت إيران الاتفاق الذي وقعه الرئيس الأمريكي جو بايدن مع الرئيس الفرنسي إيمانويل ماكرون."
    )
    sign = _on(events, "وقعه")
    assert _names(sign["source"]) == ["جو بايدن"]
    assert _names(sign["target"]) == ["إيمانويل ماكرون"]


def test_actor_after_a_verbal_noun_is_not_the_verb_object() -> None:
    body = "القاهرة - طالبت مصر، الأحد، بإبعاد حزب الله عن الحدود اللبنانية مع إسرائيل."
    ev = _on(_events(body), "طالبت")
    assert _names(ev["source"]) == ["مصر"]
    assert ev["target"] == []


def test_object_pronoun_is_the_actor_named_before_the_verb() -> None:
    events = _events(
        "القاهرة - بدأ وزير الخارجية الروسي سيرغي لافروف، الأحد، جولة من القاهرة، "
        "حيث استقبله الرئيس المصري عبد الفتاح السيسي في قصر الاتحادية."
    )
    host = _on(events, "استقبله")
    assert _names(host["source"]) == ["عبد الفتاح السيسي"]
    assert _names(host["target"]) == ["استقبله"]  # the pronoun is the evidence
    assert host["target"][0]["actor"] == _on(events, "جولة")["source"][0]["actor"]


def test_dual_pronoun_on_a_verbal_noun_is_the_pair_named_before() -> None:
    events = _events(
        "موسكو - دعا الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب أردوغان، الأربعاء، "
        "أطراف النزاع إلى وقف القتال، في بيان مشترك صدر عقب محادثاتهما في إسطنبول."
    )
    talks = _on(events, "محادثاتهما")
    assert _names(talks["source"]) == ["فلاديمير بوتين"]
    assert _names(talks["target"]) == ["رجب طيب أردوغان"]


def test_a_feminine_ending_is_not_read_as_a_possessive_pronoun() -> None:
    from rasid.stages.events.view import pronoun_suffix

    assert pronoun_suffix("المبادرة") is None
    assert pronoun_suffix("ترحيبه") == "ه"
    assert pronoun_suffix("محادثاتهما") == "هما"


def test_companions_join_the_party_and_a_resumed_verb_keeps_its_subject() -> None:
    events = _events(
        "أنقرة - أجرى وزير الخارجية التركي مولود تشاووش أوغلو، برفقة وزير الدفاع خلوصي أكار، "
        "زيارة مفاجئة إلى بغداد الأحد، التقى خلالها الرئيس العراقي برهم صالح."
    )
    for trigger in ("زيارة", "التقى"):
        assert _names(_on(events, trigger)["source"]) == ["مولود تشاووش أوغلو", "خلوصي أكار"]
    assert _names(_on(events, "التقى")["target"]) == ["برهم صالح"]


def test_pronoun_before_a_quoted_verb_and_a_possessed_force_past_a_particle() -> None:
    events = _events(
        "طرابلس - قال رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة إن حكومته لن تسلم السلطة، "
        'وقال الرئيس المصري عبد الفتاح السيسي إنه "يرحب" بالحوار.'
    )
    assert _names(_on(events, "تسلم")["source"]) == ["حكومة الوحدة الوطنية"]
    assert _names(_on(events, "يرحب")["source"]) == ["عبد الفتاح السيسي"]


def test_host_meets_the_partners_named_after_with() -> None:
    events = _events(
        "الدوحة - استضاف أمير قطر تميم بن حمد، الاثنين، اجتماعاً مع الرئيس التركي رجب طيب أردوغان "
        "والرئيس الفرنسي إيمانويل ماكرون في الدوحة."
    )
    host = _on(events, "استضاف")
    assert _names(host["target"]) == ["رجب طيب أردوغان", "إيمانويل ماكرون"]


def test_after_a_pronoun_complementizer_the_named_actor_is_the_object() -> None:
    events = _events(
        "عمان - وقال وزير الخارجية الأردني أيمن الصفدي إنه التقى الرئيس الفلسطيني محمود عباس "
        "في رام الله."
    )
    meet = _on(events, "التقى")
    assert _names(meet["source"]) == ["أيمن الصفدي"]
    assert _names(meet["target"]) == ["محمود عباس"]


def test_talks_with_someone_belong_to_the_clause_subject() -> None:
    events = _events(
        "موسكو - قال الرئيس التركي رجب طيب أردوغان عقب محادثات مع الرئيس الروسي "
        "فلاديمير بوتين في أنقرة إن اللقاء كان مثمراً."
    )
    talks = _on(events, "محادثات")
    assert _names(talks["source"]) == ["رجب طيب أردوغان"]
    assert _names(talks["target"]) == ["فلاديمير بوتين"]


def test_a_country_adjective_gives_the_actor_of_a_noun_or_the_owner_of_an_object() -> None:
    events = _events(
        "دمشق - أدانت سوريا الغارات الإسرائيلية على ريف دمشق، فيما أعلنت تركيا دعمها لسوريا. "
        "ورحبت إسرائيل بالموقف التركي."
    )
    raids = _on(events, "الغارات")
    assert _names(raids["source"]) == ["الإسرائيلية"]
    welcome = _on(events, "ورحبت")
    assert _names(welcome["target"]) == ["التركي"]


def test_a_country_adjective_in_a_person_title_is_not_the_actor() -> None:
    events = _events(
        "القاهرة - افتتح الرئيس المصري عبد الفتاح السيسي القمة بحضور الرئيس التركي رجب طيب "
        "أردوغان، بعد زيارة قام بها إلى تركيا."
    )
    for e in events:
        assert all(r["text"] != "التركي" for r in e["source"] + e["target"]), e


def test_parties_after_between_are_source_and_target_of_a_verbal_noun() -> None:
    events = _events(
        "بيروت - تجددت الاشتباكات مساء الأحد بين الجيش اللبناني وحزب الله قرب الحدود الجنوبية."
    )
    clash = _on(events, "الاشتباكات")
    assert len(clash["source"]) == 1 and len(clash["target"]) == 1
    assert clash["source"][0]["text"] != clash["target"][0]["text"]


def test_a_joint_proposal_keeps_both_proposers_as_source() -> None:
    events = _events("جنيف - قدمت فرنسا وألمانيا مشروع قرار جديداً إلى مجلس الأمن بشأن السودان.")
    proposal = next(e for e in events if e["type"] == "AGREE")
    assert _names(proposal["source"]) == ["فرنسا", "ألمانيا"]
    assert proposal["target"] == []


def test_the_owner_of_the_object_named_in_a_relative_clause_is_the_target() -> None:
    events = _events(
        "أنقرة - دافع الرئيس التركي رجب طيب أردوغان عن الخطة التي وضعها البنك المركزي التركي "
        "لخفض التضخم."
    )
    defend = _on(events, "دافع")
    assert _names(defend["target"]) == ["البنك المركزي التركي"]


def test_owner_of_the_attacked_object_after_la_is_the_target() -> None:
    events = _events("دمشق - شنت إسرائيل غارات على مواقع لحزب الله قرب الحدود اللبنانية.")
    raids = _on(events, "غارات")
    assert _names(raids["source"]) == ["إسرائيل"]
    assert _names(raids["target"]) == ["حزب الله"]


def test_dual_pronoun_subject_is_the_pair_named_before() -> None:
    events = _events(
        "باريس - وحضر القمة الرئيس الروسي فلاديمير بوتين والرئيس الفرنسي إيمانويل ماكرون، "
        "لكنهما لم يلتقيا."
    )
    meet = _on(events, "يلتقيا")
    assert _names(meet["source"]) == ["فلاديمير بوتين"]
    assert _names(meet["target"]) == ["إيمانويل ماكرون"]


def test_the_delegation_is_the_party_that_arrived_in_the_sentence_before() -> None:
    events = _events(
        "طرابلس - وصل وزير الخارجية التركي مولود تشاووش أوغلو ووزير الدفاع خلوصي أكار إلى "
        "طرابلس في زيارة رسمية. واستقبل رئيس المجلس الرئاسي محمد المنفي الوفد في مقره."
    )
    visit = _on(events, "زيارة")
    assert _names(visit["source"]) == ["مولود تشاووش أوغلو", "خلوصي أكار"]
    host = _on(events, "واستقبل")
    assert _names(host["source"]) == ["محمد المنفي"]
    assert [r["actor"] for r in host["target"]] == [r["actor"] for r in visit["source"]]


def test_a_name_inside_a_prepositional_phrase_is_not_the_subject() -> None:
    events = _events(
        "عدن - وكانت القوات الحكومية قد انسحبت الأسبوع الماضي من مواقع شمال مدينة تعز. "
        "وشاركت في الاجتماع نائبة الرئيس الأمريكي كامالا هاريس."
    )
    assert _on(events, "انسحبت")["source"] == []
    assert _names(_on(events, "وشاركت")["source"]) == ["كامالا هاريس"]


def test_a_common_noun_subject_does_not_inherit_the_previous_actor() -> None:
    events = _events(
        "نيويورك - رحب الأمين العام للأمم المتحدة أنطونيو غوتيريش بالاتفاق. "
        "ورحب البيان الختامي بالجهود المبذولة."
    )
    assert _on(events, "ورحب")["source"] == []


def _place(event: dict) -> str | None:
    return event["place"]["text"] if event["place"] else None


def test_the_town_an_act_of_force_takes_is_its_place() -> None:
    events = _events("دمشق - سيطرت القوات الحكومية على مدينة حلب بعد معارك عنيفة.")
    assert _place(_on(events, "سيطرت")) == "حلب"


def test_a_visit_takes_its_destination_as_place_and_a_city_is_not_the_visitor() -> None:
    events = _events(
        "أنقرة - وصل وزير الخارجية التركي هاكان فيدان إلى بغداد في زيارة رسمية. "
        "كما زار المسؤول التركي أربيل."
    )
    assert _place(_on(events, "زيارة")) == "بغداد"
    visit = _on(events, "زار")
    assert all(r["text"] != "أربيل" for r in visit["source"])
    assert _place(visit) == "أربيل"


def test_a_country_after_bi_is_not_where_it_happened() -> None:
    events = _events("لندن - أدانت بريطانيا الهجمات المرتبطة بإيران في البحر الأحمر.")
    for e in events:
        assert _place(e) != "إيران", e


def test_a_place_after_another_act_belongs_to_that_act() -> None:
    events = _events(
        "واشنطن - وتتهم الولايات المتحدة إيران بنشر صواريخ في سوريا، وهو ما تنفيه طهران."
    )
    assert _place(_on(events, "وتتهم")) is None


def test_a_statement_takes_the_place_where_it_was_made_not_one_in_its_content() -> None:
    events = _events(
        'باريس - وقال الرئيس الفرنسي إيمانويل ماكرون في مؤتمر صحافي في قصر الإليزيه إن "الوضع '
        'في ليبيا خطير".'
    )
    said = next(e for e in events if e["trigger"] == "وقال")
    assert _place(said) == "قصر الإليزيه"


def test_a_place_in_a_speaker_title_is_not_where_it_happened() -> None:
    events = _events(
        "جنيف - وقالت منسقة الأمم المتحدة في اليمن جولي هارت إن المساعدات تتأخر، "
        "وأدانت الهجمات على الموانئ."
    )
    for e in events:
        assert _place(e) != "اليمن", e


def test_a_common_noun_subject_leaves_the_named_actor_as_addressee() -> None:
    events = _events("نيويورك - ودعا البيان الرئيس السوداني عمر البشير إلى الحوار.")
    call = _on(events, "ودعا")
    assert call["source"] == []
    assert _names(call["target"]) == ["عمر البشير"]


def test_after_anna_a_name_right_after_the_verb_is_still_the_object() -> None:
    events = _events("عمان - وقال الملك عبد الله الثاني إنه التقى عباس في رام الله.")
    meet = _on(events, "التقى")
    assert _names(meet["target"]) == ["عباس"]
    assert "عباس" not in _names(meet["source"])


def test_a_title_starting_with_waw_is_not_read_as_a_glued_preposition() -> None:
    events = _events(
        "الرياض - افتتح ولي العهد رئيس مجلس الوزراء الأمير محمد بن سلمان، الجمعة، "
        "أعمال القمة في الرياض."
    )
    assert _names(_on(events, "افتتح")["source"]) == ["محمد بن سلمان"]


def test_a_verb_after_haythu_continues_the_visitor() -> None:
    events = _events(
        "بغداد - زار وزير الخارجية التركي هاكان فيدان بغداد، حيث التقى الرئيس العراقي برهم صالح."
    )
    meet = _on(events, "التقى")
    assert _names(meet["source"]) == ["هاكان فيدان"]
    assert _names(meet["target"]) == ["برهم صالح"]


def test_a_participle_after_a_quote_continues_its_speaker() -> None:
    events = _events(
        'واشنطن - وقال وزير الخارجية الأمريكي أنتوني بلينكن إن واشنطن "ستحاسب كل من يخرق '
        'الاتفاق"، ملوحاً بعقوبات.'
    )
    assert _names(_on(events, "ملوحاً")["source"]) == ["أنتوني بلينكن"]


def test_a_delegation_keeps_the_country_it_belongs_to() -> None:
    events = _events(
        "صنعاء - وصل وفد سعودي برئاسة السفير محمد آل جابر إلى صنعاء، الأحد، في زيارة رسمية. "
        "وكانت السعودية قد أعلنت دعمها للهدنة."
    )
    visit = _on(events, "زيارة")
    assert _names(visit["source"]) == ["سعودي", "محمد آل جابر"]


def test_a_relative_clause_after_a_name_in_a_genitive_describes_the_head_noun() -> None:
    events = _events("أنقرة - وأشار أردوغان إلى بروتوكول موسكو الذي أوقف المعارك في إدلب عام 2020.")
    assert all(r["text"] != "موسكو" for e in events for r in e["source"])


def test_the_name_after_an_appointment_noun_is_its_target() -> None:
    events = _events(
        "القاهرة - وكان الرئيس المصري عبد الفتاح السيسي قد أصدر قراراً بتعيين مصطفى مدبولي "
        "رئيساً للوزراء."
    )
    appoint = _on(events, "بتعيين")
    assert _names(appoint["target"]) == ["مصطفى مدبولي"]
    assert "مصطفى مدبولي" not in _names(appoint["source"])


def test_a_definite_noun_heading_one_organisation_name_is_that_organisation() -> None:
    events = _events(
        "طرابلس - رحبت البعثة الأممية للدعم في ليبيا بالاتفاق. "
        "وستعقد البعثة اجتماعاً طارئاً في طرابلس الأسبوع المقبل."
    )
    meeting = _on(events, "اجتماعاً")
    assert _names(meeting["source"]) == ["البعثة"]
    assert meeting["source"][0]["actor"] == _on(events, "رحبت")["source"][0]["actor"]


def test_a_dual_pronoun_inside_an_attribution_is_still_the_pair_named_before() -> None:
    events = _events(
        "باريس - وحضر القمة الرئيس الروسي فلاديمير بوتين والرئيس الفرنسي إيمانويل ماكرون، "
        "لكنهما لم يلتقيا، بحسب مصادر دبلوماسية."
    )
    meet = _on(events, "يلتقيا")
    assert _names(meet["source"]) == ["فلاديمير بوتين"]
    assert _names(meet["target"]) == ["إيمانويل ماكرون"]


def test_his_country_is_the_country_of_the_nisba_in_the_speakers_role() -> None:
    events = _events(
        "وصل وزير الخارجية البرتغالي جواو غوميش إلى الرباط. "
        "وقال غوميش إن بلاده ستطلب من المغرب فتح قنصلية في لشبونة، "
        "وأكد أن البرتغال شريك للمغرب."
    )
    ask = _on(events, "ستطلب")
    assert _names(ask["source"]) == ["بلاده"]
    assert ask["source"][0]["actor"].startswith("loc-")


def test_his_units_with_a_leading_waw_are_the_organisation_of_his_earlier_title() -> None:
    events = _events(
        "أعلن آمر كتيبة النصر أحمد المصراتي أن المعارك مستمرة. "
        'وأضاف المصراتي أن وحداته "صدت هجوماً" قرب المطار.'
    )
    repel = _on(events, "صدت")
    assert _names(repel["source"]) == ["وحداته"]
    assert repel["source"][0]["actor"].startswith("org-")


def test_the_two_ministers_are_the_last_two_ministers_named_before() -> None:
    events = _events(
        "استقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الروسي سيرغي لافروف في القاهرة. "
        "وحضر اللقاء وزير الخارجية المصري سامح شكري. "
        "وبحث الوزيران التعاون في مجال الطاقة."
    )
    talks = _on(events, "وبحث")
    assert len({r["actor"] for r in talks["source"] + talks["target"]}) == 2
    sisi = _on(events, "استقبل")["source"][0]["actor"]
    assert sisi not in {r["actor"] for r in talks["source"] + talks["target"]}


def test_the_two_sides_reach_back_past_a_sentence_without_their_event() -> None:
    events = _events(
        "التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان. "
        "وفي الأثناء، شنت إسرائيل غارات جديدة. "
        "ووقع الجانبان مذكرة تفاهم للتعاون الاقتصادي."
    )
    met = _on(events, "التقى")
    signed = _on(events, "ووقع")
    pair = {r["actor"] for r in met["source"] + met["target"]}
    assert {r["actor"] for r in signed["source"] + signed["target"]} == pair


def test_the_proposer_of_a_vetoed_draft_is_the_target_past_an_adjunct() -> None:
    events = _events(
        "استخدمت الصين، الأربعاء، حق النقض في مجلس الأمن الدولي ضد مشروع قرار "
        "قدمته فرنسا لفرض عقوبات جديدة."
    )
    veto = _on(events, "النقض")
    assert _names(veto["source"]) == ["الصين"]
    assert _names(veto["target"]) == ["فرنسا"]


def test_a_head_noun_after_the_verb_with_no_name_is_the_documents_one_council() -> None:
    events = _events(
        "قدمت الكويت مشروع قرار إلى مجلس الأمن الدولي بشأن المساعدات. "
        "وقال المندوب الفرنسي إن بلاده تؤيد التمديد، وهو ما رفضه المجلس في تصويت لاحق."
    )
    rejected = _on(events, "رفضه")
    assert _names(rejected["source"]) == ["المجلس"]


def test_the_official_with_a_country_adjective_is_the_last_such_person_named() -> None:
    events = _events(
        "التقى وزير الخارجية التركي هاكان فيدان نظيره العراقي فؤاد حسين في بغداد. "
        "وزار المسؤول التركي أربيل في اليوم التالي."
    )
    visit = _on(events, "وزار")
    met = _on(events, "التقى")
    assert _names(visit["source"]) == ["المسؤول"]
    assert visit["source"][0]["actor"] == met["source"][0]["actor"]


def test_a_force_belonging_to_an_actor_is_that_actor() -> None:
    events = _events("وسيطرت القوات التابعة لحكومة الوحدة الوطنية على مطار طرابلس.")
    seize = _on(events, "وسيطرت")
    assert _names(seize["source"]) == ["حكومة الوحدة الوطنية"]


def test_a_verbal_noun_of_his_forces_is_the_organisation_of_his_title() -> None:
    events = _events(
        "قال قائد قوات الدعم السريع محمد حمدان دقلو إن المعارك مستمرة في الخرطوم. "
        "وأكد دقلو انسحاب قواته من المستشفى."
    )
    withdraw = _on(events, "انسحاب")
    assert _names(withdraw["source"]) == ["قواته"]
    assert withdraw["source"][0]["actor"].startswith("org-")


def test_the_two_sides_with_no_event_of_theirs_are_the_last_two_people_named() -> None:
    events = _events(
        "تصاعد التوتر في العاصمة بين أنصار رئيس الحكومة عبد الحميد الدبيبة "
        "وأنصار منافسه فتحي باشاغا. "
        "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش الطرفين إلى ضبط النفس."
    )
    call = _on(events, "ودعا")
    assert _names(call["target"]) == ["الطرفين", "الطرفين"]
    assert len({r["actor"] for r in call["target"]}) == 2


def test_an_unnamed_national_force_acts_for_the_country_its_adjective_names() -> None:
    events = _events(
        "واتهمت أوكرانيا روسيا بقصف المدن. "
        "واستهدفت القوات الروسية محطة كهرباء، فيما قالت كييف إن القوات الأوكرانية صدت الهجوم."
    )
    assert _names(_on(events, "واستهدفت")["source"]) == ["الروسية"]
    assert [r["actor"] for r in _on(events, "واستهدفت")["source"]] == [
        r["actor"] for r in _on(events, "واتهمت")["target"]
    ]
    assert _names(_on(events, "صدت")["source"]) == ["الأوكرانية"]


def test_a_national_force_whose_country_the_article_never_names_stays_unnamed() -> None:
    ev = _on(_events("واستهدفت القوات الروسية محطة كهرباء في مدينة خاركيف."), "واستهدفت")
    assert ev["source"] == []


def test_a_denial_of_what_was_just_claimed_rejects_the_claimant() -> None:
    events = _events("وتتهم واشنطن روسيا بنشر مقاتلات في القاعدة الجوية، وهو ما تنفيه موسكو.")
    denial = _on(events, "تنفيه")
    assert _names(denial["source"]) == ["موسكو"]
    assert [r["actor"] for r in denial["target"]] == [
        r["actor"] for r in _on(events, "وتتهم")["source"]
    ]


def test_a_thing_named_by_ma_is_no_party_to_an_endorsement() -> None:
    events = _events("وعرضت مصر خطة للتهدئة، وهو ما أيدته الأردن.")
    assert all(not e["target"] for e in events if e["trigger"] == "أيدته")


def test_a_coordinated_verb_after_an_opening_adverbial_takes_the_first_verbs_subject() -> None:
    events = _events(
        "من جانبه، نقل وزير الخارجية التركي هاكان فيدان رسالة من الرئيس، "
        "وأعرب عن قلق بلاده من نشاط الجماعات المسلحة."
    )
    assert _names(_on(events, "وأعرب")["source"]) == ["هاكان فيدان"]


def test_a_verbal_noun_after_a_verb_of_trying_or_planning_is_done_by_its_subject() -> None:
    events = _events(
        "وقال المتحدث إن الجيش السوداني حاول منع قوات الدعم السريع من دخول المدينة. "
        "وأكد وزير الدفاع الروسي سيرغي شويغو أن روسيا لا تخطط لمهاجمة دول أخرى."
    )
    assert _names(_on(events, "منع")["source"]) == ["الجيش السوداني"]
    assert _names(_on(events, "لمهاجمة")["source"]) == ["روسيا"]


def test_a_purpose_phrase_after_a_verb_of_trying_is_not_its_object() -> None:
    events = _events("وقالت روسيا إن القوات الأوكرانية حاولت إنزال جنود للسيطرة على المحطة.")
    assert not [e for e in events if e["trigger"] == "للسيطرة"]


def test_a_national_force_with_an_adjective_between_acts_for_its_country() -> None:
    events = _events(
        "وقالت تركيا إن عملياتها ستستمر، بعد يوم من هجوم شنته الطائرات الحربية التركية "
        "على مواقع مسلحين في العراق."
    )
    attack = _on(events, "هجوم")
    assert _names(attack["source"]) == ["التركية"]


def test_no_event_has_one_actor_as_both_source_and_target() -> None:
    events = _events(
        "وقالت الخارجية التركية إن تركيا لن تقبل بالهجمات. واتهمت السلطات التركية "
        "الحزب بالوقوف وراء التفجير، فيما رحبت الحكومة التركية بالموقف التركي الموحد."
    )
    for e in events:
        assert not {r["actor"] for r in e["source"]} & {r["actor"] for r in e["target"]}, e


def test_standing_by_someone_targets_the_one_after_ila_janib() -> None:
    ev = _on(_events("وأكد الرئيس الإيراني أن طهران ستبقى إلى جانب دمشق حتى النهاية."), "ستبقى")
    assert _names(ev["target"]) == ["دمشق"]


def test_a_vote_in_favour_targets_the_organisation_even_when_led_by_a_named_person() -> None:
    ev = _on(
        _events("وأضاف النائب أنه صوت لصالح الحكومة الجديدة برئاسة عبد الحميد الدبيبة."), "صوت"
    )
    assert _names(ev["target"]) == ["الحكومة الجديدة"]


def test_a_resolution_that_demands_targets_whom_it_demands_of() -> None:
    ev = _on(_events("وتبنى مجلس الأمن الأربعاء قراراً يطالب الحوثيين بوقف هجماتهم فوراً."), "وتبنى")
    assert _names(ev["source"]) == ["مجلس الأمن"]
    assert _names(ev["target"]) == ["الحوثيين"]


def test_a_coalition_led_by_a_country_stands_for_that_country() -> None:
    ev = _on(
        _events("واتهم المتحدث باسم الجماعة محمد عبد السلام التحالف بقيادة السعودية بشن غارات."),
        "واتهم",
    )
    assert _names(ev["target"]) == ["السعودية"]


def test_a_threat_told_in_a_quote_aims_at_the_organisation_it_names() -> None:
    events = _events(
        'وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن تسليح حزب الله قرب الحدود "خط أحمر".'
    )
    threat = _on(events, "وقال")
    assert threat["type"] == "THREATEN"
    assert _names(threat["target"]) == ["حزب الله"]


def test_a_chain_of_light_verbs_hands_the_first_subject_to_the_last_noun() -> None:
    events = _events('وقال وزير الدفاع إن موسكو "لن تستغل فتح الممرات لشن هجمات" على المدن.')
    assert _names(_on(events, "هجمات")["source"]) == ["موسكو"]


def test_a_preposition_inside_a_title_does_not_hide_the_subject() -> None:
    ev = _on(
        _events("غادر رئيس الحكومة المكلفة من مجلس النواب فتحي باشاغا العاصمة طرابلس."), "غادر"
    )
    assert _names(ev["source"]) == ["فتحي باشاغا"]


def test_a_phrase_after_an_adjective_is_not_a_title() -> None:
    ev = _on(
        _events("وانسحبت القوات الحكومية الشهر الماضي من مواقع جنوب مدينة الحديدة."), "وانسحبت"
    )
    assert ev["source"] == []


def test_a_condition_in_a_later_clause_leaves_the_earlier_act_asserted() -> None:
    events = _events(
        "ورحبت الولايات المتحدة بالاجتماع، وقالت وزارة الخارجية الأمريكية إنها ستفرض "
        'عقوبات جديدة على قادة الطرفين "إذا استمر القتال".'
    )
    assert _on(events, "ورحبت")["modality"] == "asserted"
    assert _on(events, "عقوبات")["modality"] == "conditional"


def test_a_light_verb_does_not_govern_a_noun_inside_a_condition() -> None:
    events = _events(
        "وقالت وزارة الخارجية الأمريكية إنها ستفرض عقوبات على قادة الطرفين "
        '"إذا استمر استهداف المدنيين".'
    )
    assert all(not e["source"] for e in events if e["trigger"] == "استهداف")


def test_a_verb_describing_an_indefinite_noun_has_no_party_as_object() -> None:
    events = _events(
        "وأفرج الجيش عن خمسين أسيراً، وقال قائد الجيش عبد الفتاح البرهان إن ذلك جاء "
        'في خطوة وصفها مراقبون بأنها "بادرة حسن نية".'
    )
    described = _on(events, "وصفها")
    assert described["target"] == [] and described["source"] == []


def test_a_plural_object_pronoun_does_not_point_at_one_country() -> None:
    events = _events(
        "ونفت الإمارات الاتهامات. وفي جنيف، عقد المبعوث الأممي رمطان لعمامرة اجتماعاً مع "
        "ممثلين عن الطرفين، دعاهم خلاله إلى الالتزام بإعلان جدة."
    )
    assert _on(events, "دعاهم")["target"] == []


def test_a_verb_followed_by_an_unnamed_force_does_not_inherit_the_last_subject() -> None:
    events = _events(
        "وزار الرئيس المصري عبد الفتاح السيسي الخرطوم الأسبوع الماضي. "
        "وأطلقت قوات مسلحة سراح خمسين أسيراً."
    )
    assert _on(events, "وأطلقت")["source"] == []


def test_a_feminine_adjective_predicate_is_not_a_participle() -> None:
    events = _events("وقال الرئيس الروسي فلاديمير بوتين إن موسكو مستعدة للحوار مع كييف.")
    assert all(
        "فلاديمير بوتين" not in _names(e["source"]) for e in events if e["trigger"] == "مستعدة"
    )


def test_an_expected_visit_is_planned() -> None:
    events = _events("ويتوقع أن يزور ولي العهد السعودي الأمير محمد بن سلمان بكين في وقت لاحق.")
    assert _on(events, "يزور")["modality"] == "planned"


def test_a_feminine_participle_after_a_comma_continues_the_clause() -> None:
    events = _events(
        "وأعلنت وزارة الخارجية السودانية رفضها مشاركة الإمارات في المفاوضات، "
        "متهمة أبوظبي بتزويد المسلحين بالأسلحة، وهو ما نفته الإمارات."
    )
    accuse = _on(events, "متهمة")
    assert accuse["type"] == "ACCUSE"
    assert _names(accuse["source"]) == ["وزارة الخارجية السودانية"]
    assert _names(accuse["target"]) == ["أبوظبي"]
