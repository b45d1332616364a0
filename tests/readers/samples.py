"""Sample texts for the reader tests."""

# Written for these tests. Only characters that both Windows-1256 and ISO-8859-6 can encode
# (no «», no Arabic-Indic digits), so one text serves every encoding.
ARABIC_NEWS = (
    "أعلنت وزارة الصحة، صباح اليوم الثلاثاء، افتتاح مستشفى جديد في مدينة الزرقاء "
    "بطاقة استيعابية تبلغ 200 سرير.\n"
    "وقال الوزير في مؤتمر صحفي إن المشروع سيوفر فرص عمل لأكثر من خمسمئة شاب من أبناء "
    "المحافظة.\n"
    "هل تنجح الخطة؟ يرى مراقبون أن الظروف الحالية تسمح بذلك؛ إذ خصصت الحكومة ميزانية "
    "إضافية لتجهيز أقسام الطوارئ والعناية المركزة.\n"
)

ENGLISH_NEWS = (
    "The ministry opened a new hospital in Zarqa on Tuesday, with room for 200 beds.\n"
    "\u201cThis is an important step,\u201d the minister told a press conference at the café "
    "next door.\n"
)
