<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
<context>
    <name>ActivitiesModel</name>
    <message>
        <source>Code</source>
        <translation>کوڈ</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>سرگرمی</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>محکمہ</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>آخری تاریخ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <source>Done %</source>
        <translation>مکمل %</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>بتاریخ</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>تاخیر کے دن</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="70"/>
        <source>Add a user</source>
        <translation>نیا صارف شامل کریں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="82"/>
        <source>&amp;User name</source>
        <translation>صارف کا نام (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="83"/>
        <source>&amp;Role</source>
        <translation>کردار (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="84"/>
        <source>&amp;Password</source>
        <translation>پاس ورڈ (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="85"/>
        <source>Password &amp;again</source>
        <translation>پاس ورڈ دوبارہ (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="88"/>
        <source>OK</source>
        <translation>ٹھیک ہے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="89"/>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="201"/>
        <source>The first administrator</source>
        <translation>پہلا منتظم</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="202"/>
        <source>The administrator adds the other users (operators, supervisors) later. Choose a password only you know.</source>
        <translation>منتظم بعد میں دوسرے صارفین (آپریٹر، نگران) شامل کرتا ہے۔ ایسا پاس ورڈ چنیں جو صرف آپ کو معلوم ہو۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="205"/>
        <source>&amp;Create the database</source>
        <translation>ڈیٹا بیس بنائیں (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="209"/>
        <source>User name</source>
        <translation>صارف کا نام</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="210"/>
        <source>one word, e.g. amina</source>
        <translation>ایک لفظ، مثلاً amina</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="211"/>
        <source>Password</source>
        <translation>پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="212"/>
        <source>Password again</source>
        <translation>پاس ورڈ دوبارہ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="213"/>
        <source>&amp;User name:</source>
        <translation>صارف کا نام (&amp;U):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="214"/>
        <source>&amp;Password:</source>
        <translation>پاس ورڈ (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="215"/>
        <source>Password &amp;again:</source>
        <translation>پاس ورڈ دوبارہ (&amp;A):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="216"/>
        <source>&amp;Show the passwords</source>
        <translation>پاس ورڈ دکھائیں (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="222"/>
        <source>Use at least {min_password_length} characters. Four or more words that do not belong together are easy to remember and hard to guess. {max_failures} wrong passwords lock the user for {lock_minutes} minutes.</source>
        <translation>کم از کم {min_password_length} حروف استعمال کریں۔ چار یا زیادہ ایسے الفاظ جن کا آپس میں کوئی تعلق نہ ہو، یاد رکھنا آسان اور اندازہ لگانا مشکل ہوتے ہیں۔ {max_failures} بار غلط پاس ورڈ لکھنے پر صارف {lock_minutes} منٹ کے لیے لاک ہو جاتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="242"/>
        <source>Type a user name for the administrator.</source>
        <translation>منتظم کے لیے صارف کا نام لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="250"/>
        <source>The two passwords are not the same. Type the same password in both boxes.</source>
        <translation>دونوں پاس ورڈ ایک جیسے نہیں ہیں۔ دونوں خانوں میں ایک ہی پاس ورڈ لکھیں۔</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../gui/app.py" line="95"/>
        <source>&amp;Account</source>
        <translation>اکاؤنٹ (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="96"/>
        <source>&amp;Change password…</source>
        <translation>پاس ورڈ تبدیل کریں (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="98"/>
        <source>&amp;Lock now</source>
        <translation>ابھی لاک کریں (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="101"/>
        <source>&amp;Sign out</source>
        <translation>سائن آؤٹ (&amp;S)</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="26"/>
        <source>When (UTC)</source>
        <translation>کب (UTC)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="26"/>
        <source>Who</source>
        <translation>کس نے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="26"/>
        <source>What</source>
        <translation>کیا</translation>
    </message>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="26"/>
        <source>Table</source>
        <translation>ٹیبل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="27"/>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="27"/>
        <source>Before</source>
        <translation>پہلے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="27"/>
        <source>After</source>
        <translation>بعد میں</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="69"/>
        <location filename="../../gui/screens/audit_screen.py" line="86"/>
        <source>Audit log</source>
        <translation>آڈٹ لاگ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="76"/>
        <source>&amp;Check the audit chain</source>
        <translation>آڈٹ کا سلسلہ جانچیں (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="93"/>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="98"/>
        <source>The check could not run: {error}</source>
        <translation>جانچ نہیں ہو سکی: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="100"/>
        <source>The audit log is intact: {entries} entries under {seals} seals.</source>
        <translation>آڈٹ لاگ درست اور محفوظ ہے: {seals} مہروں کے تحت {entries} اندراجات۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/audit_screen.py" line="102"/>
        <source>The audit log has been tampered with: {problems}</source>
        <translation>آڈٹ لاگ میں چھیڑ چھاڑ کی گئی ہے: {problems}</translation>
    </message>
    <message>
        <source>District audit histories</source>
        <translation>اضلاع کی آڈٹ تاریخیں</translation>
    </message>
    <message>
        <source>Audit alarm: district PCs whose audit history was rewritten or rolled back after the centre was shown it ({n}):</source>
        <translation>آڈٹ الارم: ضلعی پی سی جن کی آڈٹ تاریخ مرکز کو دکھائے جانے کے بعد دوبارہ لکھی گئی یا پیچھے لوٹائی گئی ({n}):</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <source>Waiting for access: a supervisor grants it on the Users screen.</source>
        <translation>رسائی کا انتظار: سپروائزر صارفین کی اسکرین پر رسائی دیتا ہے۔</translation>
    </message>
    <message>
        <source>Not available to your role.</source>
        <translation>آپ کے کردار کے لیے دستیاب نہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="66"/>
        <source>Desk case {number}</source>
        <translation>ڈیسک کیس {number}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="68"/>
        <source>New desk case</source>
        <translation>نیا ڈیسک کیس</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="75"/>
        <source>&amp;1 Client</source>
        <translation>&amp;1 متاثرہ فرد</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="76"/>
        <source>&amp;2 Incident</source>
        <translation>&amp;2 واقعہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="77"/>
        <source>&amp;3 Alleged perpetrators</source>
        <translation>&amp;3 مبینہ ملزمان</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="78"/>
        <source>&amp;4 Services</source>
        <translation>&amp;4 خدمات</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="79"/>
        <source>&amp;5 Consent</source>
        <translation>&amp;5 رضامندی</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="80"/>
        <source>&amp;6 Closing</source>
        <translation>&amp;6 کیس کی بندش</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="83"/>
        <source>&amp;7 Identifying details</source>
        <translation>&amp;7 شناختی تفصیلات</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="88"/>
        <source>&amp;Save case</source>
        <translation>کیس محفوظ کریں (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="90"/>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="243"/>
        <source>Intimate partner violence</source>
        <translation>شریکِ حیات یا ساتھی کی جانب سے تشدد</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="244"/>
        <source>Child sexual abuse</source>
        <translation>بچے کا جنسی استحصال</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="245"/>
        <source>Early marriage</source>
        <translation>کم عمری کی شادی</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="248"/>
        <source>none</source>
        <translation>کوئی نہیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="263"/>
        <source>Your role may see this case but not change it.</source>
        <translation>آپ اپنے کردار کے تحت یہ کیس دیکھ سکتے ہیں لیکن اس میں تبدیلی نہیں کر سکتے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="311"/>
        <source>Unsaved changes</source>
        <translation>غیر محفوظ تبدیلیاں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="312"/>
        <source>This case has changes that are not saved. Discard them?</source>
        <translation>اس کیس میں ایسی تبدیلیاں ہیں جو محفوظ نہیں ہوئیں۔ کیا انہیں ختم کر دیں؟</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="313"/>
        <source>&amp;Discard changes</source>
        <translation>تبدیلیاں ختم کریں (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="314"/>
        <source>&amp;Keep editing</source>
        <translation>ترمیم جاری رکھیں (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="346"/>
        <source>Nothing was saved. Correct these problems ({count}):</source>
        <translation>کچھ محفوظ نہیں ہوا۔ یہ غلطیاں ({count}) درست کریں:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/dialog.py" line="348"/>
        <source>Nothing was saved: {message}</source>
        <translation>کچھ محفوظ نہیں ہوا: {message}</translation>
    </message>
</context>
<context>
    <name>CaseFormTabs</name>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="124"/>
        <source>Desk</source>
        <translation>ڈیسک</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="130"/>
        <source>{name} ({code})</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="138"/>
        <source>Choose the desk…</source>
        <translation>ڈیسک چنیں…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="140"/>
        <source>&amp;Desk:</source>
        <translation>ڈیسک (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="145"/>
        <source>assigned when the case is saved</source>
        <translation>کیس محفوظ ہونے پر دیا جائے گا</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="154"/>
        <source>Case number:</source>
        <translation>کیس نمبر:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="161"/>
        <source>Case context:</source>
        <translation>کیس کا پس منظر:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="163"/>
        <source>Time to report:</source>
        <translation>رپورٹ کرنے میں لگا وقت:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="174"/>
        <source>e.g. QC-014</source>
        <translation>مثلاً QC-014</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="175"/>
        <source>Client &amp;code:</source>
        <translation>متاثرہ فرد کا کوڈ (&amp;C):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="177"/>
        <source>A pseudonymous code, never the client&apos;s name.</source>
        <translation>فرضی کوڈ لکھیں، متاثرہ فرد کا نام کبھی نہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="178"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="359"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="364"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="432"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="433"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="434"/>
        <source>Choose…</source>
        <translation>چنیں…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="179"/>
        <source>Se&amp;x:</source>
        <translation>جنس (&amp;X):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="182"/>
        <source>Unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="183"/>
        <source> years</source>
        <translation> سال</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="186"/>
        <source>&amp;Age:</source>
        <translation>عمر (&amp;A):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="188"/>
        <source>If the age is not known, step down past 0 to &quot;Unknown&quot;.</source>
        <translation>اگر عمر معلوم نہ ہو تو 0 سے بھی نیچے جا کر &quot;نامعلوم&quot; پر آ جائیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="189"/>
        <source>Age es&amp;timated</source>
        <translation>عمر کا اندازہ لگایا گیا (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="191"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="196"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="198"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="215"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="217"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="220"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="224"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="287"/>
        <source>Not recorded</source>
        <translation>درج نہیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="192"/>
        <source>Age g&amp;roup:</source>
        <translation>عمر کا گروپ (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="194"/>
        <source>Only when the age is unknown; a known age sets the group.</source>
        <translation>صرف اس وقت جب عمر معلوم نہ ہو؛ عمر معلوم ہو تو گروپ خود طے ہو جاتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="196"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="224"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="320"/>
        <source>Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="196"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="224"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="320"/>
        <source>No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="197"/>
        <source>D&amp;isability:</source>
        <translation>معذوری (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="199"/>
        <source>Dis&amp;placement:</source>
        <translation>نقل مکانی (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="211"/>
        <source>&amp;Report date:</source>
        <translation>رپورٹ کی تاریخ (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="213"/>
        <source>&amp;Unknown</source>
        <translation>نامعلوم (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="214"/>
        <source>&amp;Incident date:</source>
        <translation>واقعے کی تاریخ (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="216"/>
        <source>&amp;Time of day:</source>
        <translation>دن کا وقت (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="218"/>
        <source>&amp;Location:</source>
        <translation>جگہ (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="222"/>
        <source>Distri&amp;ct of incident:</source>
        <translation>واقعے کا ضلع (&amp;C):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="225"/>
        <source>&amp;Previous incidents:</source>
        <translation>سابقہ واقعات (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="239"/>
        <source>One line per alleged perpetrator. Use &quot;Unknown&quot; where the client does not know.</source>
        <translation>ہر مبینہ ملزم کے لیے ایک سطر۔ جو بات متاثرہ فرد کو معلوم نہ ہو وہاں &quot;نامعلوم&quot; چنیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="243"/>
        <source>Relationship to the client</source>
        <translation>متاثرہ فرد سے رشتہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="243"/>
        <source>Sex</source>
        <translation>جنس</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="244"/>
        <source>Age group</source>
        <translation>عمر کا گروپ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="252"/>
        <source>Alleged perpetrators</source>
        <translation>مبینہ ملزمان</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="255"/>
        <source>&amp;Add perpetrator</source>
        <translation>ملزم شامل کریں (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="256"/>
        <source>&amp;Remove selected</source>
        <translation>منتخب سطر ہٹائیں (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="273"/>
        <source>Leave the status empty for a service not discussed. Referred, provided and received elsewhere need the date of the referral or service.</source>
        <translation>جس خدمت پر بات نہیں ہوئی اس کی حیثیت خالی چھوڑ دیں۔ &quot;ریفر کیا گیا&quot;، &quot;یہاں فراہم کی گئی&quot; اور &quot;کہیں اور سے حاصل کی گئی&quot; کے ساتھ ریفرل یا خدمت کی تاریخ ضروری ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="279"/>
        <source>Service</source>
        <translation>خدمت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="279"/>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="279"/>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="280"/>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="300"/>
        <source>FIR number</source>
        <translation>ایف آئی آر نمبر</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="288"/>
        <source>Status of {service}</source>
        <translation>{service} کی حیثیت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="290"/>
        <source>No date</source>
        <translation>کوئی تاریخ نہیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="291"/>
        <source>Date of {service}</source>
        <translation>{service} کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="298"/>
        <source>e.g. 112/2026</source>
        <translation>مثلاً 112/2026</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="321"/>
        <source>{question}: yes</source>
        <translation>{question}: ہاں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="322"/>
        <source>{question}: no</source>
        <translation>{question}: نہیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="334"/>
        <source>Ask the client both questions and record the answers. Nothing is pre-filled.</source>
        <translation>متاثرہ فرد سے دونوں سوال پوچھیں اور جواب درج کریں۔ کچھ بھی پہلے سے بھرا ہوا نہیں ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="338"/>
        <source>&amp;Consent to services</source>
        <translation>خدمات کے لیے رضامندی (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="339"/>
        <source>Does the client agree to the services and referrals offered?</source>
        <translation>کیا متاثرہ فرد پیش کی گئی خدمات اور ریفرل پر رضامند ہے؟</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="340"/>
        <source>Consent to share &amp;non-identifiable data for reporting</source>
        <translation>رپورٹنگ کے لیے شناخت سے پاک ڈیٹا شیئر کرنے کی رضامندی (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="341"/>
        <source>Yes means this case may be counted and shared beyond the desk without the client&apos;s name, CNIC, phone or address: only de-identified data leaves this office.</source>
        <translation>&quot;ہاں&quot; کا مطلب ہے کہ یہ کیس متاثرہ فرد کے نام، CNIC، فون یا پتے کے بغیر گنا اور ڈیسک سے باہر شیئر کیا جا سکتا ہے: اس دفتر سے صرف شناخت سے پاک ڈیٹا باہر جاتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="361"/>
        <source>Case s&amp;tatus:</source>
        <translation>کیس کی حیثیت (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="362"/>
        <source>No dat&amp;e</source>
        <translation>کوئی تاریخ نہیں (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="363"/>
        <source>&amp;Follow-up date:</source>
        <translation>فالو اپ کی تاریخ (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="365"/>
        <source>Closing &amp;reason:</source>
        <translation>کیس بند کرنے کی وجہ (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="369"/>
        <source>&amp;Handling officer:</source>
        <translation>ذمہ دار افسر (&amp;H):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="374"/>
        <source>What happened, what the client asked for, what was done. Do not write names or CNICs here.</source>
        <translation>کیا ہوا، متاثرہ فرد نے کیا مدد مانگی، اور کیا کیا گیا۔ یہاں نام یا CNIC نہ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="376"/>
        <source>N&amp;otes:</source>
        <translation>نوٹ (&amp;O):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="381"/>
        <source>Identifying details stay in this office: they are never synced, reported or exported. Fill in only what the client agrees to give.</source>
        <translation>شناختی تفصیلات اسی دفتر میں رہتی ہیں: یہ کبھی مرکز کو نہیں بھیجی جاتیں، نہ رپورٹ میں آتی ہیں اور نہ برآمد ہوتی ہیں۔ صرف وہی معلومات بھریں جو متاثرہ فرد دینے پر رضامند ہو۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="386"/>
        <source>&amp;Name:</source>
        <translation>نام (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="386"/>
        <source>&amp;Father&apos;s or husband&apos;s name:</source>
        <translation>والد یا شوہر کا نام (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="387"/>
        <source>CN&amp;IC:</source>
        <translation>CNIC نمبر (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="387"/>
        <source>&amp;Phone:</source>
        <translation>فون (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="387"/>
        <source>Add&amp;ress:</source>
        <translation>پتہ (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="413"/>
        <source>Problems to correct</source>
        <translation>درست کرنے والی غلطیاں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/tabs.py" line="438"/>
        <source>Perpetrator {number}: {column}</source>
        <translation>ملزم {number}: {column}</translation>
    </message>
</context>
<context>
    <name>CentreKeyPage</name>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="421"/>
        <source>The provincial centre&apos;s key</source>
        <translation>صوبائی مرکز کی کلید</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="422"/>
        <source>Data sent to the provincial centre is locked with the centre&apos;s key. The centre gives every district office a small key file.</source>
        <translation>صوبائی مرکز کو بھیجا گیا ڈیٹا مرکز کی کلید سے لاک ہوتا ہے۔ مرکز ہر ضلعی دفتر کو کلید کی ایک چھوٹی سی فائل دیتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="424"/>
        <source>&amp;Skip for now</source>
        <translation>فی الحال چھوڑ دیں (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="425"/>
        <source>&amp;Trust this key and finish</source>
        <translation>اس کلید پر اعتماد کریں اور مکمل کریں (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="432"/>
        <source>This office trusts the centre key &lt;b&gt;{fingerprint}&lt;/b&gt;. A new key file replaces it: do this only when the centre has told you it changed its key.</source>
        <translation>یہ دفتر مرکز کی کلید &lt;b&gt;{fingerprint}&lt;/b&gt; پر اعتماد کرتا ہے۔ کلید کی نئی فائل اس کی جگہ لے لے گی: ایسا صرف اس وقت کریں جب مرکز نے آپ کو بتایا ہو کہ اس نے اپنی کلید بدل دی ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="435"/>
        <source>&amp;Choose the centre&apos;s key file…</source>
        <translation>مرکز کی کلید کی فائل چنیں (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="446"/>
        <source>The key file&apos;s fingerprint:</source>
        <translation type="vanished">کلید کی فائل کا فنگر پرنٹ:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="448"/>
        <source>Fingerprint</source>
        <translation type="vanished">فنگر پرنٹ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="451"/>
        <source>&lt;b&gt;Read this to the provincial centre by phone; continue only if it matches.&lt;/b&gt; If it does not match, someone may have changed the file: stop and call the IT officer.</source>
        <translation type="vanished">&lt;b&gt;یہ فون پر صوبائی مرکز کو پڑھ کر سنائیں؛ صرف مل جانے کی صورت میں آگے بڑھیں۔&lt;/b&gt; اگر یہ نہ ملے تو ممکن ہے کسی نے فائل بدل دی ہو: یہیں رک جائیں اور آئی ٹی افسر کو فون کریں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="453"/>
        <source>The provincial centre &amp;confirmed that the fingerprint matches</source>
        <translation type="vanished">صوبائی مرکز نے تصدیق کر دی ہے کہ فنگر پرنٹ مل گیا ہے (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="464"/>
        <source>No key file yet? Choose &lt;b&gt;Skip for now&lt;/b&gt;. This office can enter data at once, but it cannot send data to the centre until an administrator adds the centre&apos;s key under Settings.</source>
        <translation>ابھی کلید کی فائل نہیں ملی؟ &lt;b&gt;فی الحال چھوڑ دیں&lt;/b&gt; چنیں۔ یہ دفتر فوراً ڈیٹا درج کر سکتا ہے، لیکن جب تک منتظم ترتیبات میں مرکز کی کلید شامل نہ کرے، مرکز کو ڈیٹا نہیں بھیج سکتا۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="476"/>
        <source>Choose the centre&apos;s key file</source>
        <translation>مرکز کی کلید کی فائل چنیں</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="477"/>
        <source>Mizan centre key (*.key *.txt);;All files (*)</source>
        <translation>Mizan مرکز کی کلید (*.key *.txt);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="491"/>
        <source>Key file: {path}</source>
        <translation>کلید کی فائل: {path}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="471"/>
        <source>Phone the provincial centre and ask them to read out the fingerprint Mizan shows them. Type it below: Mizan compares it with this file. If they differ, someone may have changed the file on its way: nothing is trusted; stop and call the IT officer.</source>
        <translation>صوبائی مرکز کو فون کریں اور ان سے کہیں کہ Mizan انہیں جو فنگر پرنٹ دکھاتا ہے وہ پڑھ کر سنائیں۔ اسے نیچے لکھیں: Mizan اسے اس فائل سے ملاتا ہے۔ اگر دونوں مختلف ہوں تو ممکن ہے کسی نے راستے میں فائل بدل دی ہو: کسی چیز پر بھروسا نہیں کیا جاتا؛ یہیں رک جائیں اور آئی ٹی افسر کو فون کریں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="475"/>
        <source>Fingerprint the centre read out</source>
        <translation>مرکز کا پڑھ کر سنایا گیا فنگر پرنٹ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="477"/>
        <source>&amp;Fingerprint they read out:</source>
        <translation>انہوں نے جو فنگر پرنٹ پڑھ کر سنایا (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="479"/>
        <source>Four groups of four letters and digits; capitals and dashes do not matter.</source>
        <translation>حروف اور ہندسوں کے چار چار کے چار گروپ؛ بڑے چھوٹے حروف اور ڈیش سے فرق نہیں پڑتا۔</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../gui/dialogs/password.py" line="37"/>
        <source>Change your password</source>
        <translation>اپنا پاس ورڈ تبدیل کریں</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="42"/>
        <source>Changing the password of {user}. Use at least {min_password_length} characters; four or more words that do not belong together are easy to remember and hard to guess.</source>
        <translation>{user} کا پاس ورڈ تبدیل کیا جا رہا ہے۔ کم از کم {min_password_length} حروف استعمال کریں؛ چار یا زیادہ ایسے الفاظ جن کا آپس میں کوئی تعلق نہ ہو، یاد رکھنا آسان اور اندازہ لگانا مشکل ہوتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="48"/>
        <source>Current password</source>
        <translation>موجودہ پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="49"/>
        <source>New password</source>
        <translation>نیا پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="50"/>
        <source>New password again</source>
        <translation>نیا پاس ورڈ دوبارہ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="51"/>
        <source>&amp;Current password:</source>
        <translation>موجودہ پاس ورڈ (&amp;C):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="52"/>
        <source>&amp;New password:</source>
        <translation>نیا پاس ورڈ (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="53"/>
        <source>New password &amp;again:</source>
        <translation>نیا پاس ورڈ دوبارہ (&amp;A):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="59"/>
        <source>C&amp;hange password</source>
        <translation>پاس ورڈ تبدیل کریں (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="62"/>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="74"/>
        <source>Type your current password.</source>
        <translation>اپنا موجودہ پاس ورڈ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="82"/>
        <source>The two new passwords are not the same. Type the new password again in both boxes.</source>
        <translation>دونوں نئے پاس ورڈ ایک جیسے نہیں ہیں۔ دونوں خانوں میں نیا پاس ورڈ دوبارہ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="86"/>
        <source>The new password is the same as the current one.</source>
        <translation>نیا پاس ورڈ موجودہ پاس ورڈ جیسا ہی ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="90"/>
        <source>Changing the password…</source>
        <translation>پاس ورڈ تبدیل ہو رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="98"/>
        <source>This password opens a different database. Sign out and sign in again.</source>
        <translation>یہ پاس ورڈ کسی دوسرے ڈیٹا بیس کو کھولتا ہے۔ سائن آؤٹ کر کے دوبارہ سائن ان کریں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/password.py" line="104"/>
        <source>The password has changed. Use the new one from now on.</source>
        <translation>پاس ورڈ تبدیل ہو گیا ہے۔ اب سے نیا پاس ورڈ استعمال کریں۔</translation>
    </message>
</context>
<context>
    <name>ClassificationStepper</name>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="43"/>
        <source>Type of violence (GBV classification)</source>
        <translation>تشدد کی قسم (GBV درجہ بندی)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="45"/>
        <source>Ask each question in turn. The first &quot;yes&quot; sets the type; the rest are not asked.</source>
        <translation>ہر سوال باری باری پوچھیں۔ پہلا &quot;ہاں&quot; قسم طے کر دیتا ہے؛ اس کے بعد والے سوال نہیں پوچھے جاتے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="60"/>
        <source>Restart &amp;questions</source>
        <translation>سوالات دوبارہ شروع کریں (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="62"/>
        <source>&amp;Yes</source>
        <translation>ہاں (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="63"/>
        <source>&amp;No</source>
        <translation>نہیں (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="80"/>
        <source>Choose…</source>
        <translation>چنیں…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="81"/>
        <source>&amp;Kind of complaint:</source>
        <translation>شکایت کی نوعیت (&amp;K):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="130"/>
        <source>Yes</source>
        <translation>ہاں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="130"/>
        <source>No</source>
        <translation>نہیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="131"/>
        <source>{number}. {question}  {answer}</source>
        <translation>{number}۔ {question}  {answer}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="143"/>
        <source>Question {number} of {count}</source>
        <translation>{count} میں سے سوال {number}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="147"/>
        <source>Type: {name}</source>
        <translation>قسم: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="149"/>
        <source>The stored answers do not give a type. Restart the questions.</source>
        <translation>محفوظ جوابات سے کوئی قسم طے نہیں ہوتی۔ سوالات دوبارہ شروع کریں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/case_form/classification.py" line="151"/>
        <source>Type: not decided yet</source>
        <translation>قسم: ابھی طے نہیں ہوئی</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="92"/>
        <source>Field</source>
        <translation>فیلڈ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="92"/>
        <location filename="../../gui/screens/review_screen.py" line="111"/>
        <source>Stored</source>
        <translation>محفوظ شدہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="92"/>
        <location filename="../../gui/screens/review_screen.py" line="111"/>
        <source>Other version</source>
        <translation>دوسرا نسخہ</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="62"/>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="62"/>
        <source>Stored (wins now)</source>
        <translation>محفوظ شدہ (فی الحال یہی نافذ ہے)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="62"/>
        <source>Other version</source>
        <translation>دوسرا نسخہ</translation>
    </message>
</context>
<context>
    <name>CountLabel</name>
    <message>
        <location filename="../../gui/widgets/paged_model.py" line="222"/>
        <source>Searching…</source>
        <translation>تلاش ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/paged_model.py" line="237"/>
        <source>Counting…</source>
        <translation>گنتی ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/paged_model.py" line="244"/>
        <source>Not counted: {error}</source>
        <translation>گنتی نہیں ہو سکی: {error}</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="265"/>
        <location filename="../../gui/dialogs/setup_wizard.py" line="279"/>
        <source>Creating the database</source>
        <translation>ڈیٹا بیس بنایا جا رہا ہے</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="266"/>
        <location filename="../../gui/dialogs/setup_wizard.py" line="337"/>
        <source>Mizan is making the encrypted database on this PC.</source>
        <translation>Mizan اس کمپیوٹر پر انکرپٹ شدہ (خفیہ) ڈیٹا بیس بنا رہا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="270"/>
        <source>&amp;Next &gt;</source>
        <translation>اگلا (&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="276"/>
        <source>Creating the encrypted database… this takes a few seconds.</source>
        <translation>انکرپٹ شدہ ڈیٹا بیس بنایا جا رہا ہے… اس میں چند سیکنڈ لگتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="288"/>
        <source>&amp;Try again</source>
        <translation>دوبارہ کوشش کریں (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="301"/>
        <source>The database is ready. Below is its &lt;b&gt;recovery key&lt;/b&gt;. If every administrator forgets the password, this key is the only way to open the data. Mizan shows it &lt;b&gt;only now&lt;/b&gt;.</source>
        <translation>ڈیٹا بیس تیار ہے۔ نیچے اس کی &lt;b&gt;ریکوری کی&lt;/b&gt; ہے۔ اگر تمام منتظمین پاس ورڈ بھول جائیں تو ڈیٹا کھولنے کا واحد راستہ یہی کی ہے۔ Mizan اسے &lt;b&gt;صرف ابھی&lt;/b&gt; دکھا رہا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="304"/>
        <source>Recovery key</source>
        <translation>ریکوری کی</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="307"/>
        <source>Print it or write it on paper, and keep the paper locked away, apart from this PC. Anyone with the key and a copy of the database can read it.</source>
        <translation>اسے پرنٹ کریں یا کاغذ پر لکھ لیں، اور یہ کاغذ اس کمپیوٹر سے الگ، تالے میں محفوظ رکھیں۔ جس کے پاس یہ کی اور ڈیٹا بیس کی نقل ہو، وہ ڈیٹا پڑھ سکتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="310"/>
        <source>&amp;Print…</source>
        <translation>پرنٹ کریں (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="315"/>
        <source>I have &amp;written down or printed the recovery key</source>
        <translation>میں نے ریکوری کی لکھ لی ہے یا پرنٹ کر لی ہے (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="351"/>
        <source>Your recovery key</source>
        <translation>آپ کی ریکوری کی</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="352"/>
        <source>Keep it safe: it is shown only once.</source>
        <translation>اسے محفوظ رکھیں: یہ صرف ایک بار دکھائی جاتی ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="375"/>
        <source>Installation</source>
        <translation>تنصیب</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="376"/>
        <source>Administrator</source>
        <translation>منتظم</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="377"/>
        <source>Database file</source>
        <translation>ڈیٹا بیس فائل</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="378"/>
        <source>Created</source>
        <translation>بنانے کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="382"/>
        <source>Mizan recovery key</source>
        <translation>Mizan ریکوری کی</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="384"/>
        <source>If every administrator forgets the password, this key opens the database. Keep this paper locked away, apart from the PC. Anyone with the key and a copy of the database can read it.</source>
        <translation>اگر تمام منتظمین پاس ورڈ بھول جائیں تو یہ کی ڈیٹا بیس کھولتی ہے۔ یہ کاغذ کمپیوٹر سے الگ، تالے میں محفوظ رکھیں۔ جس کے پاس یہ کی اور ڈیٹا بیس کی نقل ہو، وہ ڈیٹا پڑھ سکتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="402"/>
        <source>Print the recovery key</source>
        <translation>ریکوری کی پرنٹ کریں</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="49"/>
        <location filename="../../gui/screens/dashboard.py" line="80"/>
        <source>Dashboard</source>
        <translation>ڈیش بورڈ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="54"/>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="58"/>
        <source>District:</source>
        <translation>ضلع:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="98"/>
        <source>Reading the figures…</source>
        <translation>اعداد و شمار پڑھے جا رہے ہیں…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="113"/>
        <source>The figures could not be read: {error}</source>
        <translation>اعداد و شمار نہیں پڑھے جا سکے: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="126"/>
        <source>This month: {period} (in progress)</source>
        <translation>رواں مہینہ: {period} (جاری)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="127"/>
        <source>Last month: {period}</source>
        <translation>پچھلا مہینہ: {period}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="147"/>
        <source>{entered} of {expected} cells</source>
        <translation>{expected} میں سے {entered} خانے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="149"/>
        <source>{institution} completeness</source>
        <translation>{institution}: اندراج کی تکمیل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="153"/>
        <source>marked complete</source>
        <translation>مکمل قرار دیا گیا</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="155"/>
        <source>all entered</source>
        <translation>سب درج ہو گئے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="157"/>
        <source>not started</source>
        <translation>شروع نہیں ہوا</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="159"/>
        <source>{count} of {total} indicators to finish</source>
        <translation>{total} میں سے {count} اشاریے مکمل کرنا باقی</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="166"/>
        <source>Nothing is due.</source>
        <translation>ابھی کوئی اندراج باقی نہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="170"/>
        <source>Gender facilitation desks</source>
        <translation>جینڈر سہولت ڈیسک</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="173"/>
        <source>Cases reported this month ({period}, to {day}): {count}</source>
        <translation>اس مہینے رپورٹ ہونے والے کیس ({period}، {day} تک): {count}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="174"/>
        <source>Last month ({period}): {count}</source>
        <translation>پچھلا مہینہ ({period}): {count}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="183"/>
        <source>What to do next</source>
        <translation>آگے کیا کرنا ہے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/dashboard.py" line="194"/>
        <source>Nothing waiting. Well done.</source>
        <translation>کوئی کام باقی نہیں۔ بہت خوب!</translation>
    </message>
</context>
<context>
    <name>DeskRegisterModel</name>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="89"/>
        <source>Case number</source>
        <translation>کیس نمبر</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="89"/>
        <source>Desk</source>
        <translation>ڈیسک</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="89"/>
        <source>Report date</source>
        <translation>رپورٹ کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="89"/>
        <source>Client code</source>
        <translation>متاثرہ فرد کا کوڈ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="90"/>
        <source>Sex</source>
        <translation>جنس</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="90"/>
        <source>Age</source>
        <translation>عمر</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="90"/>
        <source>GBV type</source>
        <translation>تشدد کی قسم (GBV)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="90"/>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="90"/>
        <source>Follow-up</source>
        <translation>فالو اپ</translation>
    </message>
</context>
<context>
    <name>DeskRegisterScreen</name>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="138"/>
        <source>All</source>
        <translation>سب</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="142"/>
        <source>All types</source>
        <translation>تمام اقسام</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="146"/>
        <source>All desks</source>
        <translation>تمام ڈیسک</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="149"/>
        <location filename="../../gui/screens/desk_register/register.py" line="150"/>
        <source>no date</source>
        <translation>کوئی تاریخ نہیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="149"/>
        <source>Reported from</source>
        <translation>رپورٹ شدہ، از</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="150"/>
        <source>Reported until</source>
        <translation>رپورٹ شدہ، تا</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="152"/>
        <source>Case number or client code</source>
        <translation>کیس نمبر یا متاثرہ فرد کا کوڈ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="154"/>
        <source>Search</source>
        <translation>تلاش</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="161"/>
        <source>&amp;Status</source>
        <translation>حیثیت (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="161"/>
        <source>&amp;GBV type</source>
        <translation>تشدد کی قسم (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="162"/>
        <source>&amp;Desk</source>
        <translation>ڈیسک (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="162"/>
        <source>Reported &amp;from</source>
        <translation>رپورٹ شدہ، از (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="163"/>
        <source>&amp;until</source>
        <translation>تا (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="163"/>
        <source>Searc&amp;h</source>
        <translation>تلاش (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="191"/>
        <location filename="../../gui/screens/desk_register/register.py" line="237"/>
        <source>Desk register</source>
        <translation>ڈیسک رجسٹر</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="200"/>
        <source>&amp;Open</source>
        <translation>کھولیں (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="207"/>
        <source>&amp;New case</source>
        <translation>نیا کیس (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="266"/>
        <source>The register could not be read: {error}</source>
        <translation>رجسٹر نہیں پڑھا جا سکا: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/desk_register/register.py" line="278"/>
        <source>1 case</source>
        <translation>1 کیس</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/screens/desk_register/register.py" line="278"/>
        <source>%Ln cases</source>
        <translation>
            <numerusform>%Ln کیس</numerusform>
            <numerusform>%Ln کیس</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="136"/>
        <source>Districts, their PCs and missing bundles</source>
        <translation>اضلاع، ان کے کمپیوٹر اور غائب بنڈل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="138"/>
        <source>Districts</source>
        <translation>اضلاع</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="142"/>
        <source>PCs of the district</source>
        <translation>ضلع کے کمپیوٹر</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="146"/>
        <source>&amp;Revoke this PC…</source>
        <translation>اس کمپیوٹر کی اجازت منسوخ کریں (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="149"/>
        <source>Save the centre&apos;s &amp;key file for districts…</source>
        <translation>اضلاع کے لیے مرکز کی کلید کی فائل محفوظ کریں (&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="176"/>
        <source>Devices</source>
        <translation>ڈیوائسز</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="208"/>
        <source>Revoke a PC</source>
        <translation>کمپیوٹر کی اجازت منسوخ کریں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="209"/>
        <source>Revoke {name}? Its later bundles will be refused; what it sent before stays. Do this when the PC is lost, stolen or replaced.</source>
        <translation>کیا {name} کی اجازت منسوخ کر دیں؟ اس کے بعد کے بنڈل مسترد ہوں گے؛ جو یہ پہلے بھیج چکا ہے وہ برقرار رہے گا۔ ایسا اس وقت کریں جب کمپیوٹر گم، چوری یا تبدیل ہو جائے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="211"/>
        <source>&amp;Revoke</source>
        <translation>اجازت منسوخ کریں (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="212"/>
        <source>&amp;Keep it</source>
        <translation>رہنے دیں (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="226"/>
        <source>{name} is revoked.</source>
        <translation>{name} کی اجازت منسوخ کر دی گئی۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="230"/>
        <source>Save the centre&apos;s key file</source>
        <translation>مرکز کی کلید کی فائل محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="231"/>
        <source>Mizan centre key (*.key)</source>
        <translation>Mizan مرکز کی کلید (*.key)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="241"/>
        <source>Saved {path}. Give it to the district offices; when they phone, read them this fingerprint: {fingerprint}</source>
        <translation>{path} محفوظ ہو گئی۔ یہ فائل ضلعی دفاتر کو دیں؛ جب وہ فون کریں تو انہیں یہ فنگر پرنٹ پڑھ کر سنائیں: {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="155"/>
        <source>&amp;Enroll from a file…</source>
        <translation>فائل سے رجسٹر کریں (&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="256"/>
        <source>Choose a PC&apos;s enrollment file</source>
        <translation>کمپیوٹر کی رجسٹریشن فائل چنیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="257"/>
        <source>Mizan enrollment file (*.enroll *.txt);;All files (*)</source>
        <translation>Mizan رجسٹریشن فائل (*.enroll *.txt);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="284"/>
        <source>{name} of {district} is enrolled: the fingerprint you typed matches its file.</source>
        <translation>{district} کا {name} رجسٹر ہو گیا: آپ کا لکھا ہوا فنگر پرنٹ اس کی فائل سے مل گیا۔</translation>
    </message>
</context>
<context>
    <name>DistrictDevicesModel</name>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="105"/>
        <source>PC</source>
        <translation>کمپیوٹر</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="105"/>
        <source>Fingerprint</source>
        <translation>فنگر پرنٹ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="105"/>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="105"/>
        <source>Last bundle</source>
        <translation>آخری بنڈل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="106"/>
        <source>Imported</source>
        <translation>درآمد شدہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="106"/>
        <source>Missing</source>
        <translation>غائب</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="106"/>
        <source>Enrolled</source>
        <translation>رجسٹر ہونے کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="120"/>
        <source>active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="120"/>
        <source>revoked {day}</source>
        <translation>{day} کو منسوخ</translation>
    </message>
</context>
<context>
    <name>DistrictPage</name>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="128"/>
        <source>Which district?</source>
        <translation>کون سا ضلع؟</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="129"/>
        <source>Choose the district whose office uses this PC, and give the PC a name the provincial centre will recognise.</source>
        <translation>وہ ضلع چنیں جس کا دفتر یہ کمپیوٹر استعمال کرتا ہے، اور کمپیوٹر کو ایسا نام دیں جسے صوبائی مرکز پہچان سکے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="135"/>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="136"/>
        <source>Choose your district</source>
        <translation>اپنا ضلع چنیں</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="143"/>
        <source>{division} division</source>
        <translation>{division} ڈویژن</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="157"/>
        <source>Name of this PC</source>
        <translation>اس کمپیوٹر کا نام</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="160"/>
        <source>&amp;District:</source>
        <translation>ضلع (&amp;D):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="161"/>
        <source>&amp;Name of this PC:</source>
        <translation>اس کمپیوٹر کا نام (&amp;N):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="164"/>
        <source>The name tells this PC apart from other PCs of the same office, e.g. &quot;Quetta office PC&quot; or &quot;Quetta desk laptop&quot;.</source>
        <translation>یہ نام اس کمپیوٹر کو اسی دفتر کے دوسرے کمپیوٹروں سے الگ پہچاننے کے لیے ہے، مثلاً &quot;کوئٹہ دفتر کا کمپیوٹر&quot; یا &quot;کوئٹہ ڈیسک کا لیپ ٹاپ&quot;۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="186"/>
        <source>{district} office PC</source>
        <translation>{district} دفتر کا کمپیوٹر</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="208"/>
        <source>The name of this PC may be at most {limit} characters long, without line breaks, tabs or text-direction marks.</source>
        <translation>اس کمپیوٹر کا نام زیادہ سے زیادہ {limit} حروف کا ہو سکتا ہے، اور اس میں نئی سطر، ٹیب یا متن کی سمت کے نشان نہیں ہو سکتے۔</translation>
    </message>
</context>
<context>
    <name>DistrictsModel</name>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="63"/>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="63"/>
        <source>Division</source>
        <translation>ڈویژن</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="63"/>
        <source>PCs</source>
        <translation>کمپیوٹر</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="63"/>
        <source>Last bundle imported</source>
        <translation>آخری درآمد شدہ بنڈل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="64"/>
        <source>Missing bundles</source>
        <translation>غائب بنڈل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="74"/>
        <source>no PC enrolled</source>
        <translation>کوئی کمپیوٹر رجسٹر نہیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/devices_screen.py" line="95"/>
        <source>never</source>
        <translation>کبھی نہیں</translation>
    </message>
    <message>
        <source>Centre update</source>
        <translation>مرکز کی اپ ڈیٹ</translation>
    </message>
    <message>
        <source>none of {written}</source>
        <translation>{written} میں سے کوئی نہیں</translation>
    </message>
    <message>
        <source>update {update} of {written}</source>
        <translation>{written} میں سے اپ ڈیٹ {update}</translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="117"/>
        <source>Drop bundles here</source>
        <translation>بنڈل یہاں لا کر چھوڑیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="118"/>
        <source>Drop bundle files (.mizan) or whole folders here</source>
        <translation>بنڈل فائلیں (.mizan) یا پورے فولڈر یہاں لا کر چھوڑیں</translation>
    </message>
</context>
<context>
    <name>EnrollDeviceDialog</name>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="145"/>
        <source>A new device</source>
        <translation>نئی ڈیوائس</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="147"/>
        <source>This bundle comes from a PC this centre has not enrolled. Phone the district office and ask them to read the fingerprint shown on their Export screen. Type what you hear: enroll only if it matches.</source>
        <translation>یہ بنڈل ایسے کمپیوٹر سے آیا ہے جسے اس مرکز نے رجسٹر نہیں کیا۔ ضلعی دفتر کو فون کریں اور ان سے کہیں کہ اپنی &quot;برآمد&quot; والی اسکرین پر دکھایا گیا فنگر پرنٹ پڑھ کر سنائیں۔ جو سنیں وہ لکھیں: صرف مل جانے کی صورت میں رجسٹر کریں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="153"/>
        <source>District:</source>
        <translation>ضلع:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="154"/>
        <source>PC name:</source>
        <translation>کمپیوٹر کا نام:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="155"/>
        <source>Bundle file:</source>
        <translation>بنڈل فائل:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="157"/>
        <source>e.g. ABCD-EFGH-…</source>
        <translation>مثلاً ABCD-EFGH-…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="158"/>
        <source>Fingerprint heard by phone</source>
        <translation>فون پر سنا گیا فنگر پرنٹ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="160"/>
        <source>&amp;Fingerprint they read:</source>
        <translation>انہوں نے جو فنگر پرنٹ پڑھا (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="166"/>
        <source>&amp;Enroll and import</source>
        <translation>رجسٹر اور درآمد کریں (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="168"/>
        <source>Not now</source>
        <translation>ابھی نہیں</translation>
    </message>
</context>
<context>
    <name>EnrollFromFileDialog</name>
    <message>
        <location filename="../../gui/dialogs/enroll_file.py" line="45"/>
        <source>Enroll a PC from its file</source>
        <translation>کمپیوٹر کو اس کی فائل سے رجسٹر کریں</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/enroll_file.py" line="47"/>
        <source>This enrollment file names the PC below. Phone its district office and ask them to read out the fingerprint on their Export screen. Type what you hear: the PC is enrolled only if it matches the file.</source>
        <translation>رجسٹریشن کی یہ فائل نیچے دیے گئے کمپیوٹر کا نام لیتی ہے۔ اس کے ضلعی دفتر کو فون کریں اور ان سے کہیں کہ اپنی &quot;برآمد&quot; والی اسکرین پر دکھایا گیا فنگر پرنٹ پڑھ کر سنائیں۔ جو سنیں وہ لکھیں: کمپیوٹر صرف اسی صورت میں رجسٹر ہوگا جب یہ فائل سے مل جائے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/enroll_file.py" line="52"/>
        <source>District:</source>
        <translation>ضلع:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/enroll_file.py" line="53"/>
        <source>PC name:</source>
        <translation>کمپیوٹر کا نام:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/enroll_file.py" line="54"/>
        <source>Enrollment file:</source>
        <translation>رجسٹریشن فائل:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/enroll_file.py" line="55"/>
        <source>Fingerprint heard by phone</source>
        <translation>فون پر سنا گیا فنگر پرنٹ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/enroll_file.py" line="57"/>
        <source>&amp;Fingerprint they read out:</source>
        <translation>انہوں نے جو فنگر پرنٹ پڑھ کر سنایا (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/enroll_file.py" line="60"/>
        <source>&amp;Enroll</source>
        <translation>رجسٹر کریں (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/enroll_file.py" line="61"/>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
</context>
<context>
    <name>ExportScreen</name>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="76"/>
        <source>No folder chosen yet.</source>
        <translation>ابھی کوئی فولڈر نہیں چنا گیا۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="77"/>
        <source>&amp;Choose folder (USB stick)…</source>
        <translation>فولڈر (یو ایس بی) چنیں (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="79"/>
        <source>&amp;Write bundle</source>
        <translation>بنڈل بنائیں (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="83"/>
        <source>Export progress</source>
        <translation>برآمد کی پیش رفت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="88"/>
        <source>&amp;Import a receipt from the centre…</source>
        <translation>مرکز کی رسید درآمد کریں (&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="93"/>
        <source>Bundles made</source>
        <translation>بنائے گئے بنڈل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="104"/>
        <source>Send this office&apos;s figures to the provincial centre</source>
        <translation>اس دفتر کے اعداد و شمار صوبائی مرکز کو بھیجیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="107"/>
        <source>The bundle is encrypted for the centre and signed by this PC. It holds every record changed since the last bundle the centre acknowledged, so a lost stick loses nothing.</source>
        <translation>بنڈل مرکز کے لیے انکرپٹ کیا جاتا ہے اور اس پر اس کمپیوٹر کے دستخط ہوتے ہیں۔ اس میں ہر وہ ریکارڈ ہوتا ہے جو مرکز کے تصدیق شدہ آخری بنڈل کے بعد تبدیل ہوا، اس لیے یو ایس بی گم ہو جائے تو بھی کچھ ضائع نہیں ہوتا۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="110"/>
        <source>This PC&apos;s fingerprint is &lt;b&gt;{fingerprint}&lt;/b&gt;. The provincial centre may phone and ask you to read it: it proves the bundles come from this PC.</source>
        <translation>اس کمپیوٹر کا فنگر پرنٹ &lt;b&gt;{fingerprint}&lt;/b&gt; ہے۔ صوبائی مرکز فون کر کے آپ سے اسے پڑھنے کو کہہ سکتا ہے: اس سے ثابت ہوتا ہے کہ بنڈل اسی کمپیوٹر سے آئے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="122"/>
        <source>Export</source>
        <translation>برآمد</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="128"/>
        <source>Choose the USB stick or folder</source>
        <translation>یو ایس بی یا فولڈر چنیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="134"/>
        <source>Folder: {folder}</source>
        <translation>فولڈر: {folder}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="145"/>
        <source>Writing the bundle…</source>
        <translation>بنڈل بنایا جا رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="159"/>
        <source>The bundle could not be written: {error}</source>
        <translation>بنڈل نہیں بن سکا: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="162"/>
        <source>Bundle {sequence} written to {folder} — {records} records. Carry it to the provincial centre.</source>
        <translation>بنڈل {sequence}، {folder} میں محفوظ ہو گیا — {records} ریکارڈ۔ اسے صوبائی مرکز لے جائیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="167"/>
        <source>Choose the receipt</source>
        <translation>رسید چنیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="167"/>
        <source>Receipts (*.json)</source>
        <translation>رسیدیں (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="176"/>
        <source>The centre acknowledged bundles {sequences}. The next bundle carries only what changed after them.</source>
        <translation>مرکز نے بنڈل {sequences} کی وصولی کی تصدیق کر دی ہے۔ اگلے بنڈل میں صرف وہی ہو گا جو ان کے بعد تبدیل ہوا۔</translation>
    </message>
    <message>
        <source>Apply an &amp;update from the centre…</source>
        <translation>مرکز کی اپ ڈیٹ لاگو کریں…(&amp;U)</translation>
    </message>
    <message>
        <source>Choose the centre's update</source>
        <translation>مرکز کی اپ ڈیٹ منتخب کریں</translation>
    </message>
    <message>
        <source>Centre updates (*.mizan-update)</source>
        <translation>مرکز کی اپ ڈیٹس (*.mizan-update)</translation>
    </message>
</context>
<context>
    <name>ExportsModel</name>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="39"/>
        <source>Bundle</source>
        <translation>بنڈل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="39"/>
        <source>File</source>
        <translation>فائل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="39"/>
        <source>Records</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="39"/>
        <source>Made</source>
        <translation>بنانے کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="40"/>
        <source>Acknowledged</source>
        <translation>وصولی کی تصدیق</translation>
    </message>
    <message>
        <location filename="../../gui/screens/export_screen.py" line="65"/>
        <source>not yet</source>
        <translation>ابھی نہیں</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="58"/>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="58"/>
        <source>Device</source>
        <translation>ڈیوائس</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="58"/>
        <source>Bundle</source>
        <translation>بنڈل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="58"/>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="59"/>
        <source>New</source>
        <translation>نئے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="59"/>
        <source>Updated</source>
        <translation>تازہ کیے گئے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="59"/>
        <source>Conflicts</source>
        <translation>تضادات</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="59"/>
        <source>Quarantined</source>
        <translation>روکے گئے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="60"/>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="78"/>
        <source>device not enrolled</source>
        <translation>ڈیوائس رجسٹر نہیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="79"/>
        <source>imported</source>
        <translation>درآمد ہو گیا</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="79"/>
        <source>already imported</source>
        <translation>پہلے ہی درآمد ہو چکا</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="80"/>
        <source>rejected</source>
        <translation>مسترد</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="81"/>
        <source>This PC is not enrolled yet. Phone its district office and type the fingerprint they read out; if it matches, the PC is enrolled and the bundle imports.</source>
        <translation>یہ کمپیوٹر ابھی رجسٹر نہیں۔ اس کے ضلعی دفتر کو فون کریں اور جو فنگر پرنٹ وہ پڑھ کر سنائیں وہ لکھیں؛ اگر مل جائے تو کمپیوٹر رجسٹر ہو جائے گا اور بنڈل درآمد ہو جائے گا۔</translation>
    </message>
    <message>
        <source>imported, with a warning</source>
        <translation>درآمد ہوا، ایک انتباہ کے ساتھ</translation>
    </message>
</context>
<context>
    <name>ImportScreen</name>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="203"/>
        <source>Import bundles from the districts</source>
        <translation>اضلاع سے بنڈل درآمد کریں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="205"/>
        <source>Choose &amp;bundle files…</source>
        <translation>بنڈل فائلیں چنیں (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="207"/>
        <source>Choose a &amp;folder…</source>
        <translation>فولڈر چنیں (&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="209"/>
        <location filename="../../gui/screens/import_screen.py" line="370"/>
        <source>&amp;Watch an inbox folder…</source>
        <translation>ان باکس فولڈر پر نظر رکھیں (&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="212"/>
        <source>Write &amp;receipts for today…</source>
        <translation>آج کی رسیدیں بنائیں (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="227"/>
        <source>This bundle</source>
        <translation>یہ بنڈل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="229"/>
        <source>All bundles</source>
        <translation>تمام بنڈل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="233"/>
        <source>This bundle:</source>
        <translation>یہ بنڈل:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="234"/>
        <source>All bundles:</source>
        <translation>تمام بنڈل:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="246"/>
        <source>Import results</source>
        <translation>درآمد کے نتائج</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="265"/>
        <source>Import</source>
        <translation>درآمد</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="273"/>
        <source>Choose bundle files</source>
        <translation>بنڈل فائلیں چنیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="274"/>
        <source>Mizan bundles (*.mizan);;All files (*)</source>
        <translation>Mizan بنڈل (*.mizan);;تمام فائلیں (*)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="279"/>
        <source>Choose a folder of bundles</source>
        <translation>بنڈلوں والا فولڈر چنیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="294"/>
        <source>Opening the bundles…</source>
        <translation>بنڈل کھولے جا رہے ہیں…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="302"/>
        <source>Bundle {n} of {total}: {file} ({done:,} of {records:,} records)</source>
        <translation>{total} میں سے بنڈل {n}: {file} ({records:,} میں سے {done:,} ریکارڈ)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="313"/>
        <source>Nothing more was imported: {error}</source>
        <translation>مزید کچھ درآمد نہیں ہوا: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="325"/>
        <source>No bundle files (.mizan) were found there.</source>
        <translation>وہاں کوئی بنڈل فائل (.mizan) نہیں ملی۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="332"/>
        <source>{imported} of {total} bundles imported ({records:,} records new or changed).</source>
        <translation>{total} میں سے {imported} بنڈل درآمد ہوئے ({records:,} ریکارڈ نئے یا تبدیل شدہ)۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="334"/>
        <source>{n} had been imported before.</source>
        <translation>{n} پہلے درآمد ہو چکے تھے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="336"/>
        <source>{n} came from a PC not yet enrolled.</source>
        <translation>{n} ایسے کمپیوٹر سے آئے جو ابھی رجسٹر نہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="338"/>
        <source>{n} were rejected: see the reason in the table.</source>
        <translation>{n} مسترد ہوئے: وجہ ٹیبل میں دیکھیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="340"/>
        <source>Records that need review (see Review): {n}.</source>
        <translation>جائزہ طلب ریکارڈ (&quot;جائزہ&quot; والی اسکرین دیکھیں): {n}۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="372"/>
        <source>Choose the inbox folder (e.g. on the shared drive)</source>
        <translation>ان باکس فولڈر چنیں (مثلاً مشترکہ ڈرائیو پر)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="384"/>
        <source>Stop &amp;watching</source>
        <translation>نظر رکھنا بند کریں (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="385"/>
        <source>Watching {folder} for new bundles.</source>
        <translation>نئے بنڈلوں کے لیے {folder} پر نظر رکھی جا رہی ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="397"/>
        <source>The inbox {folder} could not be read: {error}</source>
        <translation>ان باکس {folder} نہیں پڑھا جا سکا: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="406"/>
        <source>Where should the receipts go?</source>
        <translation>رسیدیں کہاں محفوظ کی جائیں؟</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="416"/>
        <source>Receipts written to {folder}: {n}. Send each to its district office.</source>
        <translation>{folder} میں محفوظ کی گئی رسیدیں: {n}۔ ہر رسید اس کے ضلعی دفتر کو بھیجیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="418"/>
        <source>No bundle was imported today, so there is nothing to acknowledge.</source>
        <translation>آج کوئی بنڈل درآمد نہیں ہوا، اس لیے وصولی کی تصدیق کے لیے کچھ نہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="430"/>
        <source>{file}
{status}. {counts}
{reason}</source>
        <translation>{file}
{status}۔ {counts}
{reason}</translation>
    </message>
    <message>
        <source>{n} came with a warning about its district: select its row and read it.</source>
        <translation>{n} اپنے ضلع کے بارے میں ایک انتباہ کے ساتھ آئے: اس کی قطار منتخب کر کے پڑھیں۔</translation>
    </message>
    <message>
        <source>Write an &amp;update for the districts…</source>
        <translation>اضلاع کے لیے اپ ڈیٹ لکھیں…(&amp;U)</translation>
    </message>
    <message>
        <source>Where should the update go?</source>
        <translation>اپ ڈیٹ کہاں رکھی جائے؟</translation>
    </message>
    <message>
        <source>Update {sequence} written to {file}. Carry it to every district office.</source>
        <translation>اپ ڈیٹ {sequence} {file} میں لکھ دی گئی۔ اسے ہر ضلعی دفتر لے جائیں۔</translation>
    </message>
</context>
<context>
    <name>IndicatorEntryScreen</name>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="45"/>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="98"/>
        <source>Indicator entry</source>
        <translation>اشاریوں کا اندراج</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="49"/>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="53"/>
        <source>District:</source>
        <translation>ضلع:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="59"/>
        <source>Institution</source>
        <translation>ادارہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="66"/>
        <source>Period</source>
        <translation>مدت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="67"/>
        <source>&amp;Institution:</source>
        <translation>ادارہ (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="69"/>
        <source>&amp;Period:</source>
        <translation>مدت (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="80"/>
        <source>Mark complete</source>
        <translation>مکمل قرار دیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="81"/>
        <source>Reopen</source>
        <translation>دوبارہ کھولیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="121"/>
        <source>{period} (in progress)</source>
        <translation>{period} (جاری)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="146"/>
        <source>Nothing is due from this institution for {period}.</source>
        <translation>اس ادارے سے {period} کے لیے کوئی اندراج مطلوب نہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="157"/>
        <source>Marked complete.</source>
        <translation>مکمل قرار دے دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="161"/>
        <source>Operators can no longer change it; you still can.</source>
        <translation>آپریٹر اب اسے تبدیل نہیں کر سکتے؛ آپ اب بھی کر سکتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/screen.py" line="168"/>
        <source>{entered} of {expected} cells entered. Each cell is saved when you leave it.</source>
        <translation>{expected} میں سے {entered} خانے درج ہو چکے۔ ہر خانہ چھوڑتے ہی محفوظ ہو جاتا ہے۔</translation>
    </message>
    <message>
        <source>&amp;Submit to the centre</source>
        <translation>مرکز کو جمع کرائیں(&amp;S)</translation>
    </message>
    <message>
        <source>Marks the sheet complete and sends it for the centre's approval with the next bundle.</source>
        <translation>شیٹ کو مکمل نشان زد کرتا ہے اور اگلے بنڈل کے ساتھ مرکز کی منظوری کے لیے بھیجتا ہے۔</translation>
    </message>
    <message>
        <source>The centre returned it: {reason}</source>
        <translation>مرکز نے اسے واپس کیا: {reason}</translation>
    </message>
    <message>
        <source>Submitted to the centre; waiting for its decision.</source>
        <translation>مرکز کو جمع کرا دیا گیا؛ اس کے فیصلے کا انتظار ہے۔</translation>
    </message>
</context>
<context>
    <name>IndicatorGridModel</name>
    <message>
        <location filename="../../gui/screens/indicator_entry/model.py" line="143"/>
        <location filename="../../gui/screens/indicator_entry/model.py" line="240"/>
        <source>Total</source>
        <translation>کل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/model.py" line="228"/>
        <source>Comment: {comment}</source>
        <translation>تبصرہ: {comment}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/model.py" line="232"/>
        <source>Earlier: {history}</source>
        <translation>پہلے: {history}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/model.py" line="244"/>
        <source>Count</source>
        <translation>تعداد</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/model.py" line="244"/>
        <source>Days</source>
        <translation>دن</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/model.py" line="244"/>
        <source>Value</source>
        <translation>قدر</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/model.py" line="245"/>
        <source>Numerator</source>
        <translation>شمار کنندہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/model.py" line="245"/>
        <source>Denominator</source>
        <translation>نسب نما</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/model.py" line="246"/>
        <source>Ratio</source>
        <translation>تناسب</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/model.py" line="328"/>
        <source>Type both the numerator and the denominator; the cell is saved when both are filled.</source>
        <translation>شمار کنندہ اور نسب نما دونوں لکھیں؛ دونوں بھرنے پر خانہ محفوظ ہو جاتا ہے۔</translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="29"/>
        <source>&lt;b&gt;{code}&lt;/b&gt;  {name} &lt;span style=&apos;color:{colour}&apos;&gt;({unit}, {period})&lt;/span&gt;</source>
        <translation>&lt;b&gt;{code}&lt;/b&gt;  {name} &lt;span style=&apos;color:{colour}&apos;&gt;({unit}، {period})&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="37"/>
        <source>Numerator: {numerator}. Denominator: {denominator}.</source>
        <translation>شمار کنندہ: {numerator}۔ نسب نما: {denominator}۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="39"/>
        <source>Grey figures: {periods}.</source>
        <translation>سرمئی اعداد: {periods}۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="56"/>
        <source>Comment:</source>
        <translation>تبصرہ:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="58"/>
        <source>Why the figure is right, e.g. a new prison wing opened</source>
        <translation>یہ عدد درست کیوں ہے، مثلاً جیل کا نیا حصہ کھلا</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="59"/>
        <source>Comment on the unusual figure</source>
        <translation>غیر معمولی عدد پر تبصرہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="61"/>
        <source>Save with comment</source>
        <translation>تبصرے کے ساتھ محفوظ کریں</translation>
    </message>
    <message>
        <source>Check later</source>
        <translation>بعد میں جانچیں</translation>
    </message>
    <message>
        <source>Save the figure now; the dashboard lists it until someone corrects it or adds a comment</source>
        <translation>عدد ابھی محفوظ کریں؛ ڈیش بورڈ اسے تب تک دکھائے گا جب تک کوئی اسے درست نہ کرے یا تبصرہ نہ لکھے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="62"/>
        <source>Undo typing</source>
        <translation>لکھا ہوا واپس لیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="77"/>
        <source>count</source>
        <translation>تعداد</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="77"/>
        <source>percent</source>
        <translation>فیصد</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="77"/>
        <source>ratio</source>
        <translation>تناسب</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="78"/>
        <source>days</source>
        <translation>دن</translation>
    </message>
    <message>
        <location filename="../../gui/screens/indicator_entry/panel.py" line="93"/>
        <source>Comment on {cell}:</source>
        <translation>{cell} پر تبصرہ:</translation>
    </message>
</context>
<context>
    <name>LockScreenDialog</name>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="167"/>
        <location filename="../../gui/dialogs/lock.py" line="172"/>
        <source>Mizan is locked</source>
        <translation>Mizan لاک ہے</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="174"/>
        <source>Nobody used Mizan for a while, so it hid its screens. {user}, type your password to carry on where you left off. Someone else? Sign out.</source>
        <translation>کچھ دیر سے کسی نے Mizan استعمال نہیں کیا، اس لیے اس کی اسکرینیں چھپا دی گئیں۔ {user}، جہاں کام چھوڑا تھا وہیں سے جاری رکھنے کے لیے اپنا پاس ورڈ لکھیں۔ آپ کوئی اور ہیں؟ سائن آؤٹ کریں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="182"/>
        <source>User name</source>
        <translation>صارف کا نام</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="183"/>
        <source>User:</source>
        <translation>صارف:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="184"/>
        <source>Password</source>
        <translation>پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="185"/>
        <source>&amp;Password:</source>
        <translation>پاس ورڈ (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="192"/>
        <source>&amp;Unlock</source>
        <translation>ان لاک کریں (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="194"/>
        <source>Sign &amp;out</source>
        <translation>سائن آؤٹ (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="204"/>
        <source>Locked</source>
        <translation>لاک</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="224"/>
        <source>Type your password.</source>
        <translation>اپنا پاس ورڈ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="227"/>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/lock.py" line="241"/>
        <source>This password opens a different database. Sign out and sign in again.</source>
        <translation>یہ پاس ورڈ کسی دوسرے ڈیٹا بیس کو کھولتا ہے۔ سائن آؤٹ کر کے دوبارہ سائن ان کریں۔</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../gui/dialogs/login.py" line="31"/>
        <source>Sign in to Mizan</source>
        <translation>Mizan میں سائن ان کریں</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="35"/>
        <source>Mizan</source>
        <translation>Mizan</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="36"/>
        <source>Balochistan Rule of Law Roadmap: district figures and gender desk records</source>
        <translation>بلوچستان روڈ میپ برائے قانون کی حکمرانی: ضلعی اعداد و شمار اور جینڈر ڈیسک کا ریکارڈ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="43"/>
        <source>User name</source>
        <translation>صارف کا نام</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="44"/>
        <source>Password</source>
        <translation>پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="45"/>
        <source>&amp;User name:</source>
        <translation>صارف کا نام (&amp;U):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="46"/>
        <source>&amp;Password:</source>
        <translation>پاس ورڈ (&amp;P):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="53"/>
        <source>&amp;Sign in</source>
        <translation>سائن ان (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="56"/>
        <source>&amp;Quit</source>
        <translation>بند کریں (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="63"/>
        <source>Database: {path}</source>
        <translation>ڈیٹا بیس: {path}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="77"/>
        <source>Type your user name.</source>
        <translation>اپنا صارف کا نام لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="81"/>
        <source>Type your password.</source>
        <translation>اپنا پاس ورڈ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/login.py" line="85"/>
        <source>Signing in…</source>
        <translation>سائن ان ہو رہا ہے…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="33"/>
        <source>Provincial centre</source>
        <translation>صوبائی مرکز</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="34"/>
        <source>Mizan: {where}, {user} ({role})</source>
        <translation>Mizan: {where}، {user} ({role})</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="36"/>
        <source>Screens</source>
        <translation>اسکرینیں</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="79"/>
        <source>Last bundle: {n} on {day}</source>
        <translation>آخری بنڈل: {n}، بتاریخ {day}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="80"/>
        <source>No bundle sent yet</source>
        <translation>ابھی تک کوئی بنڈل نہیں بھیجا گیا</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="81"/>
        <source>last receipt: bundle {n} acknowledged {day}</source>
        <translation>آخری رسید: بنڈل {n} کی وصولی کی تصدیق بتاریخ {day}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="82"/>
        <source>no receipt yet</source>
        <translation>ابھی کوئی رسید نہیں</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../gui/widgets/dates.py" line="109"/>
        <source>Delete empties the date.</source>
        <translation>Delete کا بٹن دبانے سے تاریخ خالی ہو جاتی ہے۔</translation>
    </message>
</context>
<context>
    <name>PkmLogModel</name>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="64"/>
        <source>Desk</source>
        <translation>ڈیسک</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="64"/>
        <source>Service</source>
        <translation>خدمت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="64"/>
        <source>Applicant</source>
        <translation>درخواست گزار</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="64"/>
        <source>Received</source>
        <translation>وصولی</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="64"/>
        <source>Completed</source>
        <translation>تکمیل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="68"/>
        <source>not yet</source>
        <translation>ابھی نہیں</translation>
    </message>
</context>
<context>
    <name>PkmLogScreen</name>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="89"/>
        <source>Choose a service</source>
        <translation>خدمت چنیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="93"/>
        <source>Choose</source>
        <translation>چنیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="100"/>
        <source>Date received</source>
        <translation>وصولی کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="101"/>
        <source>not yet</source>
        <translation>ابھی نہیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="101"/>
        <source>Date completed</source>
        <translation>تکمیل کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="102"/>
        <source>&amp;Add</source>
        <translation>شامل کریں (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="110"/>
        <source>D&amp;esk</source>
        <translation>ڈیسک (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="110"/>
        <source>&amp;Service</source>
        <translation>خدمت (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="111"/>
        <source>Applicant&apos;s se&amp;x</source>
        <translation>درخواست گزار کی جنس (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="111"/>
        <source>&amp;Received</source>
        <translation>وصولی (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="112"/>
        <source>&amp;Completed</source>
        <translation>تکمیل (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="148"/>
        <location filename="../../gui/screens/pkm_log.py" line="167"/>
        <source>PKM service log</source>
        <translation>پولیس خدمت مرکز رجسٹر</translation>
    </message>
    <message>
        <location filename="../../gui/screens/pkm_log.py" line="215"/>
        <source>1 request</source>
        <translation>1 درخواست</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/screens/pkm_log.py" line="215"/>
        <source>%Ln requests</source>
        <translation>
            <numerusform>%Ln درخواست</numerusform>
            <numerusform>%Ln درخواستیں</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanScreen</name>
    <message>
        <source>&amp;Record progress…</source>
        <translation>پیش رفت درج کریں… (&amp;R)</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>سرگرمیاں</translation>
    </message>
    <message>
        <source>Each activity&apos;s latest progress, as the centre&apos;s clerk recorded it; every report stays in its history. The framework itself is loaded from a workbook: plan template, then plan load.</source>
        <translation>ہر سرگرمی کی تازہ ترین پیش رفت، جیسے مرکز کے کلرک نے درج کی؛ ہر رپورٹ اس کے تاریخچے میں رہتی ہے۔ فریم ورک خود ایک ورک بک سے لوڈ ہوتا ہے: plan template، پھر plan load۔</translation>
    </message>
    <message>
        <source>Action Plan</source>
        <translation>ایکشن پلان</translation>
    </message>
    <message>
        <source>No results framework is loaded. The centre loads one from a workbook: plan template, fill it in, then plan load.</source>
        <translation>کوئی نتائج کا فریم ورک لوڈ نہیں۔ مرکز اسے ایک ورک بک سے لوڈ کرتا ہے: plan template، اسے بھریں، پھر plan load۔</translation>
    </message>
    <message>
        <source>An EXAMPLE framework: replace it with the approved Action Plan.</source>
        <translation>ایک مثالی فریم ورک: اسے منظور شدہ ایکشن پلان سے بدلیں۔</translation>
    </message>
    <message>
        <source>Recorded the progress of {code}; it is kept in its history.</source>
        <translation>{code} کی پیش رفت درج ہو گئی؛ یہ اس کے تاریخچے میں محفوظ ہے۔</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Progress of {code}</source>
        <translation>{code} کی پیش رفت</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <source>Done %</source>
        <translation>مکمل %</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>بتاریخ</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>ثبوت</translation>
    </message>
    <message>
        <source>What shows it: a notification, a report, a visit</source>
        <translation>اسے کیا ظاہر کرتا ہے: نوٹیفکیشن، رپورٹ، دورہ</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>حیثیت (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Done %</source>
        <translation>مکمل % (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>بتاریخ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Evidence</source>
        <translation>ثبوت (&amp;E)</translation>
    </message>
    <message>
        <source>Re&amp;cord</source>
        <translation>درج کریں (&amp;C)</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="138"/>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="138"/>
        <source>Device</source>
        <translation>ڈیوائس</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="138"/>
        <source>Bundle</source>
        <translation>بنڈل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="138"/>
        <source>Record</source>
        <translation>ریکارڈ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="139"/>
        <source>Why it was held back</source>
        <translation>روکنے کی وجہ</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Steering Committee pack</source>
        <translation>اسٹیئرنگ کمیٹی پیک</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>سہ ماہی (&amp;Q):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="109"/>
        <source>Progress against targets</source>
        <translation>اہداف کے مقابلے میں پیش رفت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="109"/>
        <source>Trend of an indicator</source>
        <translation>اشاریے کا رجحان</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="110"/>
        <source>Gender desks</source>
        <translation>جینڈر ڈیسک</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="110"/>
        <source>Reporting completeness</source>
        <translation>رپورٹنگ کی تکمیل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="113"/>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="114"/>
        <source>Month</source>
        <translation>مہینہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="124"/>
        <source>Headline indicators</source>
        <translation>بنیادی اشاریے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="128"/>
        <source>&amp;Show</source>
        <translation>دکھائیں (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="132"/>
        <source>E&amp;xcel…</source>
        <translation>ایکسل (&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="132"/>
        <source>&amp;PDF…</source>
        <translation>PDF (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="132"/>
        <source>&amp;CSV…</source>
        <translation>CSV (&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="139"/>
        <source>&amp;Report:</source>
        <translation>رپورٹ (&amp;R):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="139"/>
        <source>&amp;For:</source>
        <translation>برائے (&amp;F):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="140"/>
        <source>&amp;Year:</source>
        <translation>سال (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="140"/>
        <source>&amp;Month:</source>
        <translation>مہینہ (&amp;M):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="141"/>
        <source>&amp;Indicator:</source>
        <translation>اشاریہ (&amp;I):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="150"/>
        <source>Save as:</source>
        <translation>اس شکل میں محفوظ کریں:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="154"/>
        <source>Choose a report and press Show.</source>
        <translation>رپورٹ چنیں اور &quot;دکھائیں&quot; دبائیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="162"/>
        <location filename="../../gui/screens/reports_screen.py" line="175"/>
        <source>Reports</source>
        <translation>رپورٹیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="200"/>
        <source>Adding up the figures…</source>
        <translation>اعداد و شمار جمع کیے جا رہے ہیں…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="208"/>
        <source>The report could not be made: {error}</source>
        <translation>رپورٹ نہیں بن سکی: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="268"/>
        <source>Made {when}.</source>
        <translation>تیاری کا وقت: {when}۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="276"/>
        <source>Save the report</source>
        <translation>رپورٹ محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="286"/>
        <source>Writing {path}…</source>
        <translation>{path} محفوظ کی جا رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="291"/>
        <source>Nothing was written: {error}</source>
        <translation>کچھ محفوظ نہیں ہوا: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/reports_screen.py" line="293"/>
        <source>Saved {files}.</source>
        <translation>محفوظ ہو گئیں: {files}۔</translation>
    </message>
    <message>
        <source>This report has {count} tables: CSV saves them as one ZIP file holding a CSV file per table.</source>
        <translation>اس رپورٹ میں {count} جدول ہیں: CSV انہیں ایک ZIP فائل میں محفوظ کرتا ہے جس میں ہر جدول کی الگ CSV فائل ہے۔</translation>
    </message>
    <message>
        <source>ZIP of CSV files (*.zip)</source>
        <translation>CSV فائلوں کی ZIP (*.zip)</translation>
    </message>
    <message>
        <source>Saved {file}: {count} tables as CSV files in one ZIP ({names}).</source>
        <translation>محفوظ ہو گئی: {file}، ایک ZIP میں {count} جدول CSV فائلوں کی صورت میں ({names})۔</translation>
    </message>
    <message>
        <source>&amp;Approved data sets only</source>
        <translation>صرف منظور شدہ ڈیٹا سیٹ(&amp;A)</translation>
    </message>
    <message>
        <source>Leave out figures of data sets the centre has not approved.</source>
        <translation>جن ڈیٹا سیٹس کو مرکز نے منظور نہیں کیا ان کے اعداد شامل نہ کریں۔</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>صوبہ</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>ڈویژن</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>ڈیسک</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>سطح (&amp;L):</translation>
    </message>
    <message>
        <source>What each row of the report is: the province, a division, a district or a gender desk (the desk indicators only).</source>
        <translation>رپورٹ کی ہر قطار کیا ہے: صوبہ، ڈویژن، ضلع یا جینڈر ڈیسک (صرف ڈیسک کے اشاریے)۔</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="170"/>
        <source>Records that need review</source>
        <translation>جائزہ طلب ریکارڈ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="172"/>
        <source>&amp;Conflicts</source>
        <translation>تضادات (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="173"/>
        <source>&amp;Quarantine</source>
        <translation>روکے گئے ریکارڈ (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="180"/>
        <source>Review</source>
        <translation>جائزہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="196"/>
        <source>Conflicts</source>
        <translation>تضادات</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="200"/>
        <source>The two versions</source>
        <translation>دونوں نسخے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="204"/>
        <source>Keep the &amp;stored version</source>
        <translation>محفوظ شدہ نسخہ رکھیں (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="205"/>
        <source>Keep the &amp;other version</source>
        <translation>دوسرا نسخہ رکھیں (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="218"/>
        <source>The two versions (fields that differ in bold):</source>
        <translation>دونوں نسخے (جو فیلڈز مختلف ہیں وہ موٹے حروف میں ہیں):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="249"/>
        <source>The other version cannot be kept: {reasons}</source>
        <translation>دوسرا نسخہ نہیں رکھا جا سکتا: {reasons}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="258"/>
        <source>stored</source>
        <translation>محفوظ شدہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="258"/>
        <source>other</source>
        <translation>دوسرا</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="259"/>
        <source>Kept the {kept} version of {what}.</source>
        <translation>{what} کا {kept} نسخہ رکھ لیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="273"/>
        <source>Quarantined records</source>
        <translation>روکے گئے ریکارڈ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="277"/>
        <source>&amp;Re-check all against today&apos;s catalogue</source>
        <translation>سب کو آج کے کیٹلاگ کے مطابق دوبارہ جانچیں (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="284"/>
        <source>These records broke a rule when their bundle was imported, so they were held back. After the catalogue changes (a new indicator or district), re-check them: those that pass now are merged.</source>
        <translation>ان ریکارڈز نے بنڈل درآمد ہوتے وقت کسی اصول کی خلاف ورزی کی، اس لیے انہیں روک لیا گیا۔ کیٹلاگ بدلنے کے بعد (مثلاً نیا اشاریہ یا ضلع) انہیں دوبارہ جانچیں: جو اب درست نکلیں وہ شامل کر دیے جاتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="296"/>
        <source>Checking…</source>
        <translation>جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="301"/>
        <source>Nothing was re-checked: {error}</source>
        <translation>کچھ دوبارہ نہیں جانچا گیا: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="304"/>
        <source>{checked} records checked: {passed} passed and were merged, {still} are still held back.</source>
        <translation>{checked} ریکارڈ جانچے گئے: {passed} درست نکلے اور شامل کر دیے گئے، {still} اب بھی روکے ہوئے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="310"/>
        <source>&amp;Conflicts ({n})</source>
        <translation>تضادات ({n}) (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="311"/>
        <source>&amp;Quarantine ({n})</source>
        <translation>روکے گئے ریکارڈ ({n}) (&amp;Q)</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="78"/>
        <source>Welcome to Mizan</source>
        <translation>Mizan میں خوش آمدید</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="79"/>
        <source>This PC has no Mizan database yet. A few questions set it up; it takes a minute.</source>
        <translation>اس کمپیوٹر پر ابھی Mizan کا ڈیٹا بیس نہیں ہے۔ چند سوالوں کے جواب دے کر اسے تیار کریں؛ اس میں ایک منٹ لگتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="87"/>
        <source>&amp;Language / زبان:</source>
        <translation>زبان / Language (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="94"/>
        <source>Who will use this PC?</source>
        <translation>یہ کمپیوٹر کون استعمال کرے گا؟</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="95"/>
        <source>A &amp;district office</source>
        <translation>ضلعی دفتر (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="96"/>
        <source>The &amp;provincial centre</source>
        <translation>صوبائی مرکز (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="99"/>
        <source>Enters its district&apos;s indicator figures and gender desk records, and sends them to the provincial centre.</source>
        <translation>اپنے ضلع کے اشاریوں کے اعداد و شمار اور جینڈر ڈیسک کا ریکارڈ درج کرتا ہے، اور انہیں صوبائی مرکز کو بھیجتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="102"/>
        <source>Receives every district&apos;s data, merges it into one provincial database and makes the reports.</source>
        <translation>ہر ضلع کا ڈیٹا وصول کرتا ہے، اسے ایک صوبائی ڈیٹا بیس میں یکجا کرتا ہے اور رپورٹیں بناتا ہے۔</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Removed after the backup was made, and kept removed: {users}.</source>
        <translation>بیک اپ بننے کے بعد ہٹائے گئے، اور ہٹائے ہوئے ہی رکھے گئے: {users}۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py"/>
        <source>This PC&apos;s clock</source>
        <translation>اس کمپیوٹر کی گھڑی</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py"/>
        <source>&amp;Date those records today</source>
        <translation>ان ریکارڈز کو آج کی تاریخ دیں (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py"/>
        <source>The PC&apos;s date and its records agree.</source>
        <translation>کمپیوٹر کی تاریخ اور اس کے ریکارڈ میں کوئی فرق نہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py"/>
        <source>{count} records dated today; this PC saves and exports again.</source>
        <translation>{count} ریکارڈز کو آج کی تاریخ دے دی گئی؛ یہ کمپیوٹر اب پھر محفوظ اور برآمد کر سکتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="73"/>
        <source>never</source>
        <translation>کبھی نہیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="74"/>
        <source> minutes</source>
        <translation> منٹ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="79"/>
        <source> pt</source>
        <translation> پوائنٹ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="85"/>
        <source>&amp;Language:</source>
        <translation>زبان (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="86"/>
        <source>&amp;Lock the screen after idle:</source>
        <translation>استعمال نہ ہونے پر اسکرین لاک ہونے کا وقت (&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="87"/>
        <source>&amp;Text size:</source>
        <translation>حروف کا سائز (&amp;T):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="89"/>
        <source>Settings of this PC</source>
        <translation>اس کمپیوٹر کی ترتیبات</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="109"/>
        <source>The provincial centre&apos;s key</source>
        <translation>صوبائی مرکز کی کلید</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="128"/>
        <source>Not added yet: this office cannot send bundles to the centre until its key is added.</source>
        <translation>ابھی شامل نہیں کی گئی: جب تک مرکز کی کلید شامل نہ ہو، یہ دفتر مرکز کو بنڈل نہیں بھیج سکتا۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="129"/>
        <source>&amp;Add the centre&apos;s key…</source>
        <translation>مرکز کی کلید شامل کریں (&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="131"/>
        <source>Bundles are locked for the centre with the fingerprint {fingerprint}.</source>
        <translation>بنڈل مرکز کے لیے اس کلید سے لاک کیے جاتے ہیں جس کا فنگر پرنٹ {fingerprint} ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="132"/>
        <source>&amp;Replace the centre&apos;s key…</source>
        <translation>مرکز کی کلید تبدیل کریں (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="145"/>
        <source>Backups</source>
        <translation>بیک اپ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="149"/>
        <source>&amp;Back up now…</source>
        <translation>ابھی بیک اپ لیں (&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="151"/>
        <source>&amp;Restore from a backup…</source>
        <translation>بیک اپ سے بحال کریں (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="162"/>
        <source>&amp;Keep the last automatic backups:</source>
        <translation>آخری خودکار بیک اپ کتنے رکھے جائیں (&amp;K):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="165"/>
        <source>Mizan backs up by itself before every import and update, and once a day. A backup is encrypted: it opens with the passwords of its day or the recovery key.</source>
        <translation>Mizan ہر درآمد اور اپ ڈیٹ سے پہلے، اور روزانہ ایک بار، خود بیک اپ لیتا ہے۔ بیک اپ انکرپٹ شدہ ہوتا ہے: یہ اسی دن کے پاس ورڈز یا ریکوری کی سے کھلتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="180"/>
        <source>The newest automatic backup is from {when} (in {folder}).</source>
        <translation>تازہ ترین خودکار بیک اپ {when} کا ہے ({folder} میں)۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="182"/>
        <source>No automatic backup yet; they will be kept in {folder}.</source>
        <translation>ابھی کوئی خودکار بیک اپ نہیں؛ بیک اپ {folder} میں رکھے جائیں گے۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="190"/>
        <source>Save the backup</source>
        <translation>بیک اپ محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="204"/>
        <source>Backing up to {path}…</source>
        <translation>{path} میں بیک اپ لیا جا رہا ہے…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="208"/>
        <source>No backup was written: {error}</source>
        <translation>بیک اپ نہیں بن سکا: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="210"/>
        <source>Backed up to {path} ({size} MB). Keep it away from this PC.</source>
        <translation>بیک اپ {path} میں محفوظ ہو گیا ({size} MB)۔ اسے اس کمپیوٹر سے الگ رکھیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="215"/>
        <source>Choose a backup</source>
        <translation>بیک اپ چنیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="219"/>
        <source>Restore from a backup</source>
        <translation>بیک اپ سے بحال کریں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="220"/>
        <source>Replace everything in this database with the backup {name}? Whatever was entered after the backup was made will no longer be shown (the current database is kept beside it as a copy). Mizan closes afterwards; start it again and sign in.</source>
        <translation>کیا اس ڈیٹا بیس کی ہر چیز کو بیک اپ {name} سے بدل دیں؟ بیک اپ بننے کے بعد جو کچھ درج کیا گیا وہ اب نظر نہیں آئے گا (موجودہ ڈیٹا بیس اس کے ساتھ ایک نقل کے طور پر محفوظ رہے گا)۔ اس کے بعد Mizan بند ہو جائے گا؛ اسے دوبارہ شروع کر کے سائن ان کریں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="223"/>
        <source>&amp;Restore</source>
        <translation>بحال کریں (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="223"/>
        <source>&amp;Keep the database as it is</source>
        <translation>ڈیٹا بیس جیسا ہے ویسا رہنے دیں (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="239"/>
        <source>Checking the backup {name}…</source>
        <translation>بیک اپ {name} کی جانچ ہو رہی ہے…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="245"/>
        <source>Nothing was restored: {error}</source>
        <translation>کچھ بحال نہیں ہوا: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="253"/>
        <source>Nothing was restored: {error}. Start Mizan again.</source>
        <translation>کچھ بحال نہیں ہوا: {error}۔ Mizan دوبارہ شروع کریں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="257"/>
        <source>Restored from {name}.</source>
        <translation>{name} سے بحال کر دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="263"/>
        <source>The database was restored from the backup of {when}. The database it replaced is kept as {kept}. Mizan closes now: start it again and sign in with the passwords of the day of the backup.</source>
        <translation>ڈیٹا بیس {when} کے بیک اپ سے بحال کر دیا گیا۔ جس ڈیٹا بیس کی جگہ یہ آیا وہ {kept} کے نام سے محفوظ ہے۔ Mizan اب بند ہو رہا ہے: اسے دوبارہ شروع کریں اور بیک اپ والے دن کے پاس ورڈ سے سائن ان کریں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="266"/>
        <source>Restored</source>
        <translation>بحال ہو گیا</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="274"/>
        <source>Settings</source>
        <translation>ترتیبات</translation>
    </message>
    <message>
        <location filename="../../gui/screens/settings_screen.py" line="282"/>
        <source>The language changes the next time Mizan starts.</source>
        <translation>زبان اگلی بار Mizan شروع ہونے پر تبدیل ہو گی۔</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="539"/>
        <source>Set up Mizan</source>
        <translation>Mizan کی ابتدائی ترتیب</translation>
    </message>
</context>
<context>
    <name>TargetsScreen</name>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="133"/>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="138"/>
        <location filename="../../gui/screens/targets_screen.py" line="173"/>
        <source>Targets</source>
        <translation>اہداف</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="143"/>
        <source>Save a &amp;template…</source>
        <translation>ٹیمپلیٹ محفوظ کریں (&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="145"/>
        <source>&amp;Load targets from a spreadsheet…</source>
        <translation>اسپریڈشیٹ سے اہداف لوڈ کریں (&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="152"/>
        <source>&amp;Year:</source>
        <translation>سال (&amp;Y):</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="159"/>
        <source>Targets for the year</source>
        <translation>سال کے اہداف</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="161"/>
        <source>A target is for the whole year in the indicator&apos;s unit: a yearly total for counts, a level for stock figures, a percent for rates. Type in a cell and move on: it is saved at once. Empty a cell to remove its target.</source>
        <translation>ہدف پورے سال کے لیے، اشاریے کی اپنی اکائی میں ہوتا ہے: تعداد کے لیے سال بھر کا مجموعہ، کسی خاص دن کی موجودہ تعداد (مثلاً قیدیوں کی تعداد) کے لیے سطح، اور شرح کے لیے فیصد۔ خانے میں لکھ کر آگے بڑھیں: یہ فوراً محفوظ ہو جاتا ہے۔ ہدف ہٹانے کے لیے خانہ خالی کر دیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="181"/>
        <source>{n} targets were not saved: point at a red cell to see why.</source>
        <translation>{n} اہداف محفوظ نہیں ہوئے: وجہ جاننے کے لیے ماؤس سرخ خانے پر لے جائیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="185"/>
        <source>Save the targets template</source>
        <translation>اہداف کا ٹیمپلیٹ محفوظ کریں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="186"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>ایکسل (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="196"/>
        <source>Saved {path} with {rows} rows. Fill in the targets and load it back.</source>
        <translation>{path} محفوظ ہو گئی، اس میں {rows} قطاریں ہیں۔ اہداف بھریں اور فائل واپس لوڈ کریں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="199"/>
        <source>Load targets</source>
        <translation>اہداف لوڈ کریں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="200"/>
        <source>Spreadsheets (*.xlsx *.ods *.csv *.txt)</source>
        <translation>اسپریڈشیٹس (*.xlsx *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="212"/>
        <source>Nothing was loaded. Correct these rows and load the file again:</source>
        <translation>کچھ لوڈ نہیں ہوا۔ یہ قطاریں درست کریں اور فائل دوبارہ لوڈ کریں:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="213"/>
        <source>Row {row}: {message}</source>
        <translation>قطار {row}: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="216"/>
        <source>…and {n} more.</source>
        <translation>…اور {n} مزید۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/targets_screen.py" line="222"/>
        <source>Loaded {path}: {new} new targets, {updated} changed.</source>
        <translation>{path} لوڈ ہو گئی: {new} نئے اہداف، {updated} تبدیل شدہ۔</translation>
    </message>
</context>
<context>
    <name>TrustCentreWizard</name>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="642"/>
        <source>The provincial centre&apos;s key</source>
        <translation>صوبائی مرکز کی کلید</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>active, waiting for access to case identities</source>
        <translation>فعال، کیسوں کی شناخت تک رسائی کا منتظر</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="38"/>
        <source>User</source>
        <translation>صارف</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="38"/>
        <source>Role</source>
        <translation>کردار</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="38"/>
        <source>State</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="59"/>
        <source>removed</source>
        <translation>ہٹا دیا گیا</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="61"/>
        <source>locked until {time}</source>
        <translation>{time} تک لاک</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="62"/>
        <source>active</source>
        <translation>فعال</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <source>&amp;Grant access to case identities</source>
        <translation>کیسوں کی شناخت تک رسائی دیں (&amp;G)</translation>
    </message>
    <message>
        <source>{name} may now see case identities.</source>
        <translation>{name} اب کیسوں کی شناخت دیکھ سکتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="103"/>
        <location filename="../../gui/screens/users_screen.py" line="123"/>
        <source>Users</source>
        <translation>صارفین</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="111"/>
        <source>&amp;Add user…</source>
        <translation>صارف شامل کریں (&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="111"/>
        <source>&amp;Reset password…</source>
        <translation>نیا پاس ورڈ مقرر کریں (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="112"/>
        <source>&amp;Unlock</source>
        <translation>ان لاک کریں (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="112"/>
        <source>Re&amp;move</source>
        <translation>ہٹائیں (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="145"/>
        <source>The two passwords differ.</source>
        <translation>دونوں پاس ورڈ مختلف ہیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="149"/>
        <source>Added {name} ({role}).</source>
        <translation>{name} ({role}) شامل کر دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="156"/>
        <source>Choose a user first.</source>
        <translation>پہلے کوئی صارف چنیں۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="158"/>
        <source>New password</source>
        <translation>نیا پاس ورڈ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="159"/>
        <source>New password for {name}:</source>
        <translation>{name} کے لیے نیا پاس ورڈ:</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="163"/>
        <source>Changed the password of {name}.</source>
        <translation>{name} کا پاس ورڈ تبدیل کر دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="168"/>
        <source>Unlocked {name}.</source>
        <translation>{name} کو ان لاک کر دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="174"/>
        <source>Remove user</source>
        <translation>صارف کو ہٹائیں</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="175"/>
        <source>Remove {name}? Their password will no longer open this database.</source>
        <translation>کیا {name} کو ہٹا دیں؟ اس کے بعد ان کا پاس ورڈ یہ ڈیٹا بیس نہیں کھول سکے گا۔</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="176"/>
        <source>&amp;Remove</source>
        <translation>ہٹائیں (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="176"/>
        <source>&amp;Keep</source>
        <translation>رہنے دیں (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/screens/users_screen.py" line="177"/>
        <source>Removed {name}. The database key was changed: their old password opens nothing new.</source>
        <translation>{name} کو ہٹا دیا گیا۔ ڈیٹا بیس کی کلید بدل دی گئی: ان کا پرانا پاس ورڈ اب کچھ نیا نہیں کھولتا۔</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>load the Action Plan&apos;s results framework</source>
        <translation>ایکشن پلان کا نتائج کا فریم ورک لوڈ کرنا</translation>
    </message>
    <message>
        <source>record the progress of Action Plan activities</source>
        <translation>ایکشن پلان کی سرگرمیوں کی پیش رفت درج کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="43"/>
        <source>enter indicator values</source>
        <translation>اشاریوں کی قدریں درج کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="44"/>
        <source>set targets</source>
        <translation>اہداف مقرر کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="45"/>
        <source>mark data sets complete or reopen them</source>
        <translation>ڈیٹا سیٹ مکمل قرار دینا یا انہیں دوبارہ کھولنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="46"/>
        <source>enter desk cases</source>
        <translation>ڈیسک کیس درج کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="47"/>
        <source>see desk case details</source>
        <translation>ڈیسک کیس کی تفصیلات دیکھنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="48"/>
        <source>see clients&apos; identifying details</source>
        <translation>متاثرہ افراد کی شناختی تفصیلات دیکھنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="49"/>
        <source>add or change desks</source>
        <translation>ڈیسک شامل کرنا یا تبدیل کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="50"/>
        <source>manage users</source>
        <translation>صارفین کا انتظام کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="51"/>
        <source>load demo data</source>
        <translation>ڈیمو ڈیٹا لوڈ کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="52"/>
        <source>export bundles</source>
        <translation>بنڈل برآمد کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="53"/>
        <source>import bundles</source>
        <translation>بنڈل درآمد کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="54"/>
        <source>manage keys</source>
        <translation>کلیدوں کا انتظام کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="55"/>
        <source>read the audit log</source>
        <translation>آڈٹ لاگ پڑھنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="56"/>
        <source>export key files</source>
        <translation>کلید کی فائلیں برآمد کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="57"/>
        <source>enroll or revoke devices</source>
        <translation>ڈیوائسز رجسٹر کرنا یا ان کی اجازت منسوخ کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="58"/>
        <source>back up or restore the database</source>
        <translation>ڈیٹا بیس کا بیک اپ لینا یا اسے بحال کرنا</translation>
    </message>
    <message>
        <location filename="../../storage/core/roles.py" line="117"/>
        <source>date today the records saved while the clock ran ahead</source>
        <translation>گھڑی کے آگے چلنے کے دوران محفوظ ہونے والے ریکارڈ کو آج کی تاریخ دینا</translation>
    </message>
    <message>
        <source>write centre updates</source>
        <translation>مرکز کی اپ ڈیٹس لکھنا</translation>
    </message>
    <message>
        <source>apply centre updates</source>
        <translation>مرکز کی اپ ڈیٹس لاگو کرنا</translation>
    </message>
    <message>
        <source>approve or return data sets</source>
        <translation>ڈیٹا سیٹ منظور یا واپس کرنا</translation>
    </message>
    <message>
        <source>load a new catalogue</source>
        <translation>نیا کیٹلاگ لوڈ کرنا</translation>
    </message>
    <message>
        <source>set the policy for every office</source>
        <translation>ہر دفتر کے لیے پالیسی طے کرنا</translation>
    </message>
</context>
<context>
    <name>catalogue</name>
    <message>
        <source>Age below which a client is a child</source>
        <translation>وہ عمر جس سے کم متاثرہ فرد بچہ شمار ہوتا ہے</translation>
    </message>
    <message>
        <source>Highest client age accepted</source>
        <translation>متاثرہ فرد کی زیادہ سے زیادہ قابلِ قبول عمر</translation>
    </message>
    <message>
        <source>Reporting-time buckets (days)</source>
        <translation>رپورٹ کرنے کے وقت کے خانے (دن)</translation>
    </message>
    <message>
        <source>Earlier periods an outlier check compares with</source>
        <translation>غیر معمولی قدر کی جانچ میں موازنے کی پچھلی مدتیں</translation>
    </message>
    <message>
        <source>Outlier band (median absolute deviations)</source>
        <translation>غیر معمولی قدر کی حد (اوسط مطلق انحراف)</translation>
    </message>
    <message>
        <source>Outlier ratio to the previous period</source>
        <translation>پچھلی مدت کے مقابلے میں غیر معمولی تناسب</translation>
    </message>
    <message>
        <source>Share of chance variation never flagged</source>
        <translation>اتفاقی فرق کا وہ حصہ جس پر کبھی نشان نہیں لگتا</translation>
    </message>
    <message>
        <source>{name}: {before} → {after}</source>
        <translation>{name}: پہلے {before}، اب {after}</translation>
    </message>
    <message>
        <location filename="../../storage/catalogue.py" line="68"/>
        <source>the beginning</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <location filename="../../storage/catalogue.py" line="69"/>
        <source>now</source>
        <translation>اب</translation>
    </message>
    <message>
        <location filename="../../storage/catalogue.py" line="70"/>
        <source>{start} to {end}</source>
        <translation>{start} سے {end} تک</translation>
    </message>
</context>
<context>
    <name>conflicts</name>
    <message>
        <location filename="../../sync/centre.py" line="224"/>
        <source>total</source>
        <translation>کل</translation>
    </message>
    <message>
        <location filename="../../sync/centre.py" line="229"/>
        <source>target of {indicator} · {district} · {year}</source>
        <translation>{indicator} کا ہدف · {district} · {year}</translation>
    </message>
    <message>
        <location filename="../../sync/centre.py" line="233"/>
        <source>{district} · {institution} · {period} complete</source>
        <translation>{district} · {institution} · {period} مکمل</translation>
    </message>
    <message>
        <location filename="../../sync/centre.py" line="237"/>
        <source>desk {code}</source>
        <translation>ڈیسک {code}</translation>
    </message>
</context>
<context>
    <name>elapsed</name>
    <message>
        <location filename="../../storage/validation.py" line="683"/>
        <source>{first}-{last} days</source>
        <translation>{first} تا {last} دن</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="687"/>
        <source>over {days} days</source>
        <translation>{days} دن سے زیادہ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="688"/>
        <source>unknown (no incident date)</source>
        <translation>نامعلوم (واقعے کی تاریخ درج نہیں)</translation>
    </message>
</context>
<context>
    <name>entry</name>
    <message>
        <location filename="../../storage/entry.py" line="212"/>
        <source>This data set is marked complete and locked. Ask a supervisor to reopen it.</source>
        <translation>یہ ڈیٹا سیٹ مکمل قرار دے کر لاک کر دیا گیا ہے۔ اسے دوبارہ کھلوانے کے لیے نگران سے کہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="213"/>
        <source>Your role can look at the figures but not enter them.</source>
        <translation>آپ اپنے کردار کے تحت اعداد و شمار دیکھ سکتے ہیں لیکن درج نہیں کر سکتے۔</translation>
    </message>
    <message>
        <source>The centre approved this data set: it is locked for everyone. Ask the centre to reopen it.</source>
        <translation>مرکز نے یہ ڈیٹا سیٹ منظور کر لیا ہے: یہ سب کے لیے مقفل ہے۔ اسے دوبارہ کھولنے کے لیے مرکز سے کہیں۔</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{value} is not a quarter; write it like 2026Q3.</source>
        <translation>{value} سہ ماہی نہیں ہے؛ اسے 2026Q3 کی طرح لکھیں۔</translation>
    </message>
    <message>
        <source>The Steering Committee pack follows the Action Plan&apos;s results framework, and none is loaded: load it with `plan load FILE` (start from `plan template`).</source>
        <translation>اسٹیئرنگ کمیٹی پیک ایکشن پلان کے نتائج کے فریم ورک پر چلتا ہے، اور کوئی لوڈ نہیں: اسے `plan load FILE` سے لوڈ کریں (`plan template` سے شروع کریں)۔</translation>
    </message>
    <message>
        <source>The Steering Committee pack covers the whole province for one quarter: give only the quarter (--quarter 2026Q3).</source>
        <translation>اسٹیئرنگ کمیٹی پیک ایک سہ ماہی کے لیے پورے صوبے کا احاطہ کرتا ہے: صرف سہ ماہی دیں (--quarter 2026Q3)۔</translation>
    </message>
    <message>
        <source>{count} problem(s) in the results framework; nothing was saved.</source>
        <translation>نتائج کے فریم ورک میں {count} مسئلے؛ کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The Action Plan&apos;s results framework is kept at the provincial centre, not at a district office.</source>
        <translation>ایکشن پلان کا نتائج کا فریم ورک صوبائی مرکز میں رکھا جاتا ہے، ضلعی دفتر میں نہیں۔</translation>
    </message>
    <message>
        <source>{count} problem(s) in the activity&apos;s progress; nothing was saved.</source>
        <translation>سرگرمی کی پیش رفت میں {count} مسئلے؛ کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <source>The results framework&apos;s template must be a .xlsx workbook (it has several sheets), not {file}.</source>
        <translation>نتائج کے فریم ورک کا ٹیمپلیٹ .xlsx ورک بک ہونا چاہیے (اس میں کئی شیٹس ہیں)، {file} نہیں۔</translation>
    </message>
    <message>
        <source>{actor} was removed on {date}; a removed user cannot restore a backup. Ask an admin, or use the recovery key.</source>
        <translation>{actor} کو {date} کو ہٹا دیا گیا تھا؛ ہٹایا گیا صارف بیک اپ بحال نہیں کر سکتا۔ کسی ایڈمن سے کہیں، یا ریکوری کلید استعمال کریں۔</translation>
    </message>
    <message>
        <source>the provincial centre</source>
        <translation>صوبائی مرکز</translation>
    </message>
    <message>
        <source>the {installation} installation of {district}</source>
        <translation>{district} کی {installation} تنصیب</translation>
    </message>
    <message>
        <source>{file} is a backup of {backup}, but this database is {current}. Nothing was restored: restore it on that installation&apos;s PC, or into another file.</source>
        <translation>{file} {backup} کا بیک اپ ہے، مگر یہ ڈیٹا بیس {current} کا ہے۔ کچھ بحال نہیں کیا گیا: اسے اسی تنصیب کے کمپیوٹر پر، یا کسی دوسری فائل میں بحال کریں۔</translation>
    </message>
    <message>
        <source>The key slot {slot} is damaged: it holds no database key.</source>
        <translation>کلیدی خانہ {slot} خراب ہے: اس میں ڈیٹا بیس کی کلید نہیں۔</translation>
    </message>
    <message>
        <source>You are waiting for access to case identities: identifying details and notes can be saved once a supervisor grants it (user grant).</source>
        <translation>آپ کیسوں کی شناخت تک رسائی کے منتظر ہیں: شناختی تفصیلات اور نوٹس تب محفوظ ہو سکیں گے جب کوئی سپروائزر رسائی دے (user grant)۔</translation>
    </message>
    <message>
        <source>A sealed value of case {case_uuid} does not open with the identity key.</source>
        <translation>کیس {case_uuid} کی مہر بند قدر شناختی کلید سے نہیں کھلتی۔</translation>
    </message>
    <message>
        <source>A sealed value of case {case_uuid} is in an unknown format.</source>
        <translation>کیس {case_uuid} کی مہر بند قدر نامعلوم شکل میں ہے۔</translation>
    </message>
    <message>
        <source>Only a user who holds the identity key (a supervisor or operator with access) can grant it; sign in as one.</source>
        <translation>شناختی کلید صرف وہی صارف دے سکتا ہے جس کے پاس یہ ہو (رسائی والا سپروائزر یا آپریٹر)؛ ایسے صارف کے طور پر سائن ان کریں۔</translation>
    </message>
    <message>
        <source>The database key cannot be changed yet: the key slots of {slots} are in the old format. Each must sign in once (the recovery slot: with the recovery key), then try again.</source>
        <translation>ڈیٹا بیس کی کلید ابھی نہیں بدل سکتی: {slots} کے کلیدی خانے پرانی شکل میں ہیں۔ ہر ایک ایک بار سائن ان کرے (ریکوری خانہ: ریکوری کلید سے)، پھر دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <source>{name} has not signed in since this version was installed; the key can be granted after that first sign-in.</source>
        <translation>{name} نے یہ ورژن لگنے کے بعد سائن ان نہیں کیا؛ پہلے سائن ان کے بعد کلید دی جا سکتی ہے۔</translation>
    </message>
    <message>
        <source>{name} is a {role}: that role may not see clients&apos; identifying details.</source>
        <translation>{name} ایک {role} ہے: یہ کردار کلائنٹس کی شناختی تفصیلات نہیں دیکھ سکتا۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="214"/>
        <source>Choose another file for the backup: that is the database itself.</source>
        <translation>بیک اپ کے لیے کوئی اور فائل چنیں: یہ تو خود ڈیٹا بیس ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="236"/>
        <source>Keep between 1 and {max_keep} automatic backups, not {keep}.</source>
        <translation>خودکار بیک اپ 1 سے {max_keep} تک رکھیں، {keep} نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="328"/>
        <location filename="../../storage/bulk.py" line="285"/>
        <location filename="../../storage/targets.py" line="231"/>
        <source>There is no file {path}.</source>
        <translation>فائل {path} موجود نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="330"/>
        <source>{name} is not a Mizan backup (not a readable ZIP file).</source>
        <translation>{name} Mizan کا بیک اپ نہیں (یہ پڑھنے کے قابل ZIP فائل نہیں)۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="336"/>
        <source>{name} is not a Mizan backup (it holds {members}).</source>
        <translation>{name} Mizan کا بیک اپ نہیں (اس میں {members} ہے)۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="336"/>
        <source>nothing</source>
        <translation>کچھ نہیں</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="339"/>
        <source>{name} is not a Mizan backup (a member is implausibly large).</source>
        <translation>{name} Mizan کا بیک اپ نہیں (اس کی ایک فائل غیر معمولی طور پر بڑی ہے)۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="343"/>
        <source>{name} is damaged: its manifest cannot be read.</source>
        <translation>{name} خراب ہے: اس کا مینی فیسٹ پڑھا نہیں جا سکتا۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="353"/>
        <source>{name} is not a Mizan backup (its manifest is not one).</source>
        <translation>{name} Mizan کا بیک اپ نہیں (اس کا مینی فیسٹ درست نہیں)۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="356"/>
        <source>{name} was made by a newer Mizan (backup format {version}); update Mizan first.</source>
        <translation>{name} Mizan کے نئے ورژن سے بنایا گیا ہے (بیک اپ فارمیٹ {version})؛ پہلے Mizan کو اپ ڈیٹ کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="359"/>
        <source>{name} is damaged: its manifest lacks files, migrations or a date.</source>
        <translation>{name} خراب ہے: اس کے مینی فیسٹ میں فائلیں، مائیگریشنز یا تاریخ موجود نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="365"/>
        <source>{name} is damaged: {member} does not match its manifest.</source>
        <translation>{name} خراب ہے: {member} اس کے مینی فیسٹ سے مطابقت نہیں رکھتی۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="369"/>
        <source>{name} was made by a newer Mizan (schema {migration}); update Mizan, then restore.</source>
        <translation>{name} Mizan کے نئے ورژن سے بنایا گیا ہے (اسکیما {migration})؛ Mizan کو اپ ڈیٹ کریں، پھر بحال کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="383"/>
        <location filename="../../storage/backup.py" line="403"/>
        <source>{file} is damaged: {member} does not match its SHA-256.</source>
        <translation>{file} خراب ہے: {member} اپنے SHA-256 سے مطابقت نہیں رکھتی۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="401"/>
        <source>{file} is damaged: {member} cannot be read.</source>
        <translation>{file} خراب ہے: {member} پڑھی نہیں جا سکتی۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="556"/>
        <source>{file} is damaged: {ledger_member} does not match its SHA-256.</source>
        <translation>{file} خراب ہے: {ledger_member} اپنے SHA-256 سے مطابقت نہیں رکھتی۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="570"/>
        <source>{file} is damaged: its key file cannot be read.</source>
        <translation>{file} خراب ہے: اس کی کلید کی فائل پڑھی نہیں جا سکتی۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="584"/>
        <source>{file} does not open with this installation&apos;s key: it is another installation&apos;s backup, or damaged.</source>
        <translation>{file} اس تنصیب کی کلید سے نہیں کھلتا: یہ کسی اور تنصیب کا بیک اپ ہے، یا خراب ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="592"/>
        <source>{actor} is not an active user in this backup.</source>
        <translation>{actor} اس بیک اپ میں فعال صارف نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="595"/>
        <source>{actor} (role: {role}) may not back up or restore the database; that needs one of the roles: {roles}.</source>
        <translation>{actor} (کردار: {role}) ڈیٹا بیس کا بیک اپ نہیں لے سکتا اور نہ اسے بحال کر سکتا ہے؛ اس کے لیے ان میں سے کوئی کردار درکار ہے: {roles}۔</translation>
    </message>
    <message>
        <location filename="../../storage/backup.py" line="618"/>
        <source>{file} is damaged: the database inside fails its integrity check.</source>
        <translation>{file} خراب ہے: اس کے اندر کا ڈیٹا بیس سالمیت کی جانچ میں ناکام ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/bulk.py" line="42"/>
        <source>At the centre, say which district the template is for: --district CODE.</source>
        <translation>مرکز میں بتائیں کہ ٹیمپلیٹ کس ضلع کے لیے ہے: --district CODE۔</translation>
    </message>
    <message>
        <location filename="../../storage/bulk.py" line="44"/>
        <location filename="../../storage/desk.py" line="63"/>
        <location filename="../../storage/entry.py" line="248"/>
        <source>Unknown district {district}.</source>
        <translation>نامعلوم ضلع {district}۔</translation>
    </message>
    <message>
        <location filename="../../storage/bulk.py" line="65"/>
        <source>The template must be a .xlsx or .csv file, not {file}.</source>
        <translation>ٹیمپلیٹ .xlsx یا .csv فائل ہونا چاہیے، {file} نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/bulk.py" line="142"/>
        <source>`{command}` reads .xlsx or .csv files, not {file}.</source>
        <translation>`{command}` صرف .xlsx یا .csv فائلیں پڑھتا ہے، {file} نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/bulk.py" line="150"/>
        <source>The file&apos;s columns are wrong; nothing was written.</source>
        <translation>فائل کے کالم درست نہیں؛ کچھ بھی درج نہیں کیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/bulk.py" line="158"/>
        <source>The file could not be read; nothing was written.</source>
        <translation>فائل پڑھی نہیں جا سکی؛ کچھ بھی درج نہیں کیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="95"/>
        <source>The database {path} could not be opened with this key ({error}).</source>
        <translation>ڈیٹا بیس {path} اس کلید سے نہیں کھل سکا ({error})۔</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="187"/>
        <source>This database has no installation record; it was not made by `mizan init`.</source>
        <translation>اس ڈیٹا بیس میں تنصیب کا ریکارڈ نہیں؛ یہ `mizan init` سے نہیں بنایا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="197"/>
        <source>User {user} is not an active user of this installation.</source>
        <translation>صارف {user} اس تنصیب کا فعال صارف نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="234"/>
        <source>Unknown district {district}. Use a code from resources/districts.csv, e.g. QUETTA.</source>
        <translation>نامعلوم ضلع {district}۔ resources/districts.csv میں سے کوئی کوڈ استعمال کریں، مثلاً QUETTA۔</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="240"/>
        <source>{path} already exists; refusing to overwrite a database.</source>
        <translation>{path} پہلے سے موجود ہے؛ کسی ڈیٹا بیس کے اوپر نہیں لکھا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="283"/>
        <source>There is no database at {path}. Create one with `init`.</source>
        <translation>{path} پر کوئی ڈیٹا بیس نہیں۔ `init` سے نیا بنائیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="297"/>
        <source>The recovery key opens the database only for an admin; {admin} is a {role}.</source>
        <translation>ریکوری کی ڈیٹا بیس صرف منتظم کے لیے کھولتی ہے؛ {admin} {role} ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="308"/>
        <source>A user name must be one word without spaces, e.g. amina.</source>
        <translation>صارف کا نام بغیر وقفے کے ایک لفظ ہونا چاہیے، مثلاً amina۔</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="314"/>
        <source>A password needs at least {min_password_length} characters. Four or more words that do not belong together, with spaces between them, are easy to remember and hard to guess.</source>
        <translation>پاس ورڈ میں کم از کم {min_password_length} حروف ہونے چاہئیں۔ چار یا زیادہ ایسے الفاظ جن کا آپس میں کوئی تعلق نہ ہو، درمیان میں خالی جگہ کے ساتھ، یاد رکھنا آسان اور اندازہ لگانا مشکل ہوتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/core/roles.py"/>
        <source>This password is easy to guess: it is a common password, or close to a word, a name, a date or a keyboard pattern. Choose four or more words that do not belong together, with spaces between them.</source>
        <translation>اس پاس ورڈ کا اندازہ لگانا آسان ہے: یہ ایک عام پاس ورڈ ہے، یا کسی لفظ، نام، تاریخ یا کی بورڈ کے کسی سلسلے سے ملتا جلتا ہے۔ چار یا زیادہ ایسے الفاظ چنیں جن کا آپس میں کوئی تعلق نہ ہو، درمیان میں خالی جگہ کے ساتھ۔</translation>
    </message>
    <message>
        <location filename="../../storage/demo.py" line="134"/>
        <source>The demo covers 1 to {max_months} months, not {months}.</source>
        <translation>ڈیمو 1 سے {max_months} مہینوں کا ہوتا ہے، {months} نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/demo.py" line="138"/>
        <source>The last demo month must be a month such as 2026-10, not {until}.</source>
        <translation>ڈیمو کا آخری مہینہ 2026-10 جیسا مہینہ ہونا چاہیے، {until} نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/demo.py" line="140"/>
        <source>The last demo month {until} has not started yet (today is {today}).</source>
        <translation>ڈیمو کا آخری مہینہ {until} ابھی شروع نہیں ہوا (آج {today} ہے)۔</translation>
    </message>
    <message>
        <location filename="../../storage/demo.py" line="919"/>
        <source>This database already holds {held:,} indicator values; demo figures would overwrite them. Run the demo on a new database, or add --force if these are demo data too.</source>
        <translation>اس ڈیٹا بیس میں پہلے ہی اشاریوں کی {held:,} قدریں موجود ہیں؛ ڈیمو کے اعداد و شمار انہیں مٹا دیں گے۔ ڈیمو نئے ڈیٹا بیس پر چلائیں، یا اگر یہ بھی ڈیمو ڈیٹا ہے تو --force شامل کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/desk.py" line="61"/>
        <source>A desk needs a code (e.g. QTA-CITY) and a name.</source>
        <translation>ڈیسک کے لیے کوڈ (مثلاً QTA-CITY) اور نام درکار ہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/desk.py" line="65"/>
        <source>This office adds desks in {own}, not {district}.</source>
        <translation>یہ دفتر {own} میں ڈیسک شامل کرتا ہے، {district} میں نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/desk.py" line="67"/>
        <source>A desk with the code {code} already exists.</source>
        <translation>کوڈ {code} والا ڈیسک پہلے سے موجود ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/desk.py" line="121"/>
        <location filename="../../storage/desk.py" line="191"/>
        <source>There is no case {case_uuid}.</source>
        <translation>کیس {case_uuid} موجود نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/desk.py" line="130"/>
        <source>Your role may not record clients&apos; identifying details.</source>
        <translation>آپ کا کردار متاثرہ افراد کی شناختی تفصیلات درج نہیں کر سکتا۔</translation>
    </message>
    <message>
        <location filename="../../storage/desk.py" line="133"/>
        <source>{count} problem(s) in the case; nothing was saved.</source>
        <translation>کیس میں {count} مسئلے؛ کچھ بھی محفوظ نہیں کیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/desk.py" line="135"/>
        <source>This office records cases of {own}, not {district}.</source>
        <translation>یہ دفتر {own} کے کیس درج کرتا ہے، {district} کے نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/desk.py" line="233"/>
        <source>{count} problem(s) in the service request; nothing was saved.</source>
        <translation>خدمت کی درخواست میں {count} مسئلے؛ کچھ بھی محفوظ نہیں کیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/desk.py" line="242"/>
        <source>There is no service request {request_uuid}.</source>
        <translation>خدمت کی درخواست {request_uuid} موجود نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/desk.py" line="345"/>
        <location filename="../../storage/entry.py" line="37"/>
        <location filename="../../storage/records.py" line="274"/>
        <source>{period} is not a period; write it like 2026-10, 2026Q4 or 2026.</source>
        <translation>{period} مدت نہیں ہے؛ اسے 2026-10، 2026Q4 یا 2026 کی طرح لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="246"/>
        <location filename="../../storage/records.py" line="272"/>
        <source>Unknown institution {institution}; use one of {institutions}.</source>
        <translation>نامعلوم ادارہ {institution}؛ ان میں سے کوئی استعمال کریں: {institutions}۔</translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="99"/>
        <source>A key file already exists at {path}; refusing to overwrite it.</source>
        <translation>{path} پر کلید کی فائل پہلے سے موجود ہے؛ اس کے اوپر نہیں لکھا جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="108"/>
        <source>The key file {path} is missing, so the database cannot be opened. Restore it from a backup; without it even the recovery key cannot help.</source>
        <translation>کلید کی فائل {path} موجود نہیں، اس لیے ڈیٹا بیس نہیں کھل سکتا۔ اسے بیک اپ سے بحال کریں؛ اس کے بغیر ریکوری کی بھی کام نہیں آ سکتی۔</translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="111"/>
        <source>The key file {path} is damaged ({error}).</source>
        <translation>کلید کی فائل {path} خراب ہے ({error})۔</translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="113"/>
        <source>The key file {path} is not a Mizan key file.</source>
        <translation>کلید کی فائل {path} Mizan کی کلید کی فائل نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="172"/>
        <source>There is no user called {name} on this installation.</source>
        <translation>اس تنصیب پر {name} نام کا کوئی صارف نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="176"/>
        <source>User {name} is locked after {max_failures} wrong passwords until {time}. Wait, or ask a supervisor or admin to unlock.</source>
        <translation>صارف {name} {max_failures} غلط پاس ورڈز کے بعد {time} تک لاک ہے۔ انتظار کریں، یا نگران یا منتظم سے ان لاک کروائیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="187"/>
        <source>Wrong password for {name}. The user is now locked for {lock_minutes} minutes, until {time}.</source>
        <translation>{name} کا پاس ورڈ غلط ہے۔ صارف اب {lock_minutes} منٹ کے لیے، {time} تک، لاک ہو گیا ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="189"/>
        <source>Wrong password for {name}. {remaining} tries left before the user is locked.</source>
        <translation>{name} کا پاس ورڈ غلط ہے۔ صارف کے لاک ہونے سے پہلے {remaining} کوششیں باقی ہیں۔</translation>
    </message>
    <message>
        <source>Wrong password for {name}. One more wrong try locks the user.</source>
        <translation>{name} کا پاس ورڈ غلط ہے۔ ایک اور غلط کوشش پر صارف بند ہو جائے گا۔</translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="198"/>
        <source>This installation has no recovery slot.</source>
        <translation>اس تنصیب میں ریکوری کی کا خانہ نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/keyslots.py" line="201"/>
        <source>That recovery key does not open this database. Check it against the printed copy.</source>
        <translation>یہ ریکوری کی اس ڈیٹا بیس کو نہیں کھولتی۔ اسے پرنٹ شدہ نقل سے ملا کر دیکھیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/records.py" line="129"/>
        <source>{count} problem(s) in the value; nothing was saved.</source>
        <translation>قدر میں {count} مسئلے؛ کچھ بھی محفوظ نہیں کیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/records.py" line="130"/>
        <source>{count} problem(s) in the values; nothing was saved.</source>
        <translation>قدروں میں {count} مسئلے؛ کچھ بھی محفوظ نہیں کیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/records.py" line="141"/>
        <source>{cell} appears twice in one save; keep one row per cell.</source>
        <translation>{cell} ایک ہی بار محفوظ کرنے میں دو مرتبہ آیا ہے؛ ہر خانے کے لیے ایک ہی سطر رکھیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/records.py" line="215"/>
        <source>Indicator {indicator} is not in the catalogue.</source>
        <translation>اشاریہ {indicator} کیٹلاگ میں نہیں ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/records.py" line="217"/>
        <source>The data set is locked.</source>
        <translation>ڈیٹا سیٹ لاک ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/records.py" line="276"/>
        <source>This office marks data sets of {own}, not {district}.</source>
        <translation>یہ دفتر {own} کے ڈیٹا سیٹ نشان زد کرتا ہے، {district} کے نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/report_files.py" line="35"/>
        <source>Reports are written as .xlsx, .pdf or .csv, not {file}.</source>
        <translation>رپورٹیں .xlsx، .pdf یا .csv کے طور پر لکھی جاتی ہیں، {file} نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="200"/>
        <source>A progress report covers one year or a period within it, not {span}.</source>
        <translation>پیش رفت کی رپورٹ ایک سال یا اس کے اندر کسی مدت کا احاطہ کرتی ہے، {span} کا نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="207"/>
        <source>{code} is not a period; write it like 2026-10, 2026Q4 or 2026.</source>
        <translation>{code} مدت نہیں ہے؛ اسے 2026-10، 2026Q4 یا 2026 کی طرح لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="219"/>
        <source>Give a year or a period, not both.</source>
        <translation>سال یا مدت میں سے ایک دیں، دونوں نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="238"/>
        <source>Unknown district {code}. Use a district code such as QUETTA.</source>
        <translation>نامعلوم ضلع {code}۔ QUETTA جیسا ضلعی کوڈ استعمال کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="241"/>
        <source>This office reports on {own} only.</source>
        <translation>یہ دفتر صرف {own} کی رپورٹ بناتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="528"/>
        <source>Indicator {code} is not in the catalogue. Use a code such as PRO-04.</source>
        <translation>اشاریہ {code} کیٹلاگ میں نہیں ہے۔ PRO-04 جیسا کوڈ استعمال کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/targets.py" line="62"/>
        <source>The target year must be a year such as 2026, not {year}.</source>
        <translation>ہدف کا سال 2026 جیسا سال ہونا چاہیے، {year} نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/targets.py" line="129"/>
        <source>{count} problem(s) in the targets; nothing was saved.</source>
        <translation>اہداف میں {count} مسئلے؛ کچھ بھی محفوظ نہیں کیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/targets.py" line="191"/>
        <source>The targets template must be a .xlsx or .csv file, not {file}.</source>
        <translation>اہداف کا ٹیمپلیٹ .xlsx یا .csv فائل ہونا چاہیے، {file} نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="75"/>
        <source>{user} (role: {role}) may not {action}; that needs one of the roles: {roles}.</source>
        <translation>{user} (کردار: {role}) کو یہ اجازت نہیں: {action}؛ اس کے لیے ان میں سے کوئی کردار درکار ہے: {roles}۔</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="93"/>
        <source>A supervisor may manage operators and supervisors only, not users with the role {role}.</source>
        <translation>نگران صرف آپریٹرز اور نگرانوں کا انتظام کر سکتا ہے، {role} کے کردار والے صارفین کا نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="100"/>
        <source>Unknown role {role}; choose one of {roles}.</source>
        <translation>نامعلوم کردار {role}؛ ان میں سے کوئی چنیں: {roles}۔</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="104"/>
        <source>A {installation} installation has the roles {roles}, not {role}.</source>
        <translation>{installation} کی تنصیب میں یہ کردار ہوتے ہیں: {roles}، {role} نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="109"/>
        <source>There is already a user called {name}.</source>
        <translation>{name} نام کا صارف پہلے سے موجود ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="121"/>
        <source>There is no user called {name}.</source>
        <translation>{name} نام کا کوئی صارف نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="150"/>
        <source>You cannot remove yourself; ask another admin.</source>
        <translation>آپ خود کو نہیں ہٹا سکتے؛ کسی دوسرے منتظم سے کہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/users.py" line="154"/>
        <source>This is the last admin; add another admin first.</source>
        <translation>یہ آخری منتظم ہے؛ پہلے کوئی دوسرا منتظم شامل کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="211"/>
        <location filename="../../sync/keys.py" line="148"/>
        <location filename="../../sync/keys.py" line="507"/>
        <source>{file} could not be read ({error}).</source>
        <translation>{file} پڑھی نہیں جا سکی ({error})۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="213"/>
        <source>{file} is empty: the copy to the USB stick probably failed. Export it again.</source>
        <translation>{file} خالی ہے: شاید یو ایس بی پر نقل ناکام رہی۔ اسے دوبارہ برآمد کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="215"/>
        <source>{file} is {size} MB, over the {limit} MB limit for a bundle.</source>
        <translation>{file} کا سائز {size} MB ہے، جو بنڈل کی {limit} MB کی حد سے زیادہ ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="218"/>
        <source>{file} is not a Mizan bundle (not an age-encrypted file).</source>
        <translation>{file} Mizan کا بنڈل نہیں (یہ age سے انکرپٹ شدہ فائل نہیں)۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="229"/>
        <source>{file} was made for another centre: none of this centre&apos;s keys opens it. Check which centre key the district office trusts; if it is this centre&apos;s, the file&apos;s header was damaged: copy it again.</source>
        <translation>{file} کسی اور مرکز کے لیے بنایا گیا ہے: اس مرکز کی کوئی کلید اسے نہیں کھولتی۔ معلوم کریں کہ ضلعی دفتر کس مرکز کی کلید پر بھروسا کرتا ہے؛ اگر وہ اسی مرکز کی ہے تو فائل کا ہیڈر خراب ہو گیا ہے: اسے دوبارہ نقل کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="230"/>
        <source>{file} is damaged or incomplete (decryption failed: {error}). Copy it again from the district&apos;s USB stick.</source>
        <translation>{file} خراب یا نامکمل ہے (ڈکرپشن ناکام: {error})۔ اسے ضلع کی یو ایس بی سے دوبارہ نقل کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="247"/>
        <source>{file} decrypted, but its contents are not a valid ZIP ({error}).</source>
        <translation>{file} ڈکرپٹ ہو گیا، لیکن اس کا مواد درست ZIP نہیں ({error})۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="249"/>
        <source>{file} holds {count} files; a bundle has at most {max_entries}.</source>
        <translation>{file} میں {count} فائلیں ہیں؛ ایک بنڈل میں زیادہ سے زیادہ {max_entries} ہوتی ہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="252"/>
        <source>{file} holds the same file name twice; refusing an ambiguous bundle.</source>
        <translation>{file} میں ایک ہی فائل کا نام دو بار ہے؛ مبہم بنڈل قبول نہیں کیا جاتا۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="256"/>
        <source>{file} holds an unsafe path {name}; refusing it.</source>
        <translation>{file} میں غیر محفوظ راستہ {name} ہے؛ اسے قبول نہیں کیا جاتا۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="258"/>
        <source>{file} holds an unexpected file {name}.</source>
        <translation>{file} میں غیر متوقع فائل {name} ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="262"/>
        <source>{file}: {name} is compressed with a method Mizan does not use (ZIP method {compress_type}); refusing it.</source>
        <translation>{file}: {name} ایسے طریقے سے کمپریس کی گئی ہے جو Mizan استعمال نہیں کرتا (ZIP طریقہ {compress_type})؛ اسے قبول نہیں کیا جاتا۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="265"/>
        <source>{file}: {name} would expand to {size} bytes (compression ratio or size over the limit); refusing a possible ZIP bomb.</source>
        <translation>{file}: {name} کھل کر {size} بائٹس کی ہو جائے گی (کمپریشن کا تناسب یا سائز حد سے زیادہ)؛ ممکنہ ZIP بم قبول نہیں کیا جاتا۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="267"/>
        <source>{file} has no {missing}; it was not made by Mizan.</source>
        <translation>{file} میں {missing} نہیں؛ یہ Mizan نے نہیں بنایا۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="267"/>
        <source>manifest</source>
        <translation>مینی فیسٹ</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="267"/>
        <source>signature</source>
        <translation>دستخط</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="273"/>
        <source>{file}: the manifest is not valid JSON.</source>
        <translation>{file}: مینی فیسٹ درست JSON نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="275"/>
        <source>{file}: the manifest holds text that is not valid Unicode.</source>
        <translation>{file}: مینی فیسٹ میں ایسا متن ہے جو درست یونیکوڈ نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="280"/>
        <source>{file}: the manifest lists {listed} but the bundle holds {present}.</source>
        <translation>{file}: مینی فیسٹ میں {listed} درج ہیں لیکن بنڈل میں {present} ہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="284"/>
        <source>{file}: {name} does not match the SHA-256 in the manifest; the bundle was altered or damaged.</source>
        <translation>{file}: {name} مینی فیسٹ میں درج SHA-256 سے مطابقت نہیں رکھتی؛ بنڈل میں ردوبدل ہوا ہے یا یہ خراب ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="301"/>
        <location filename="../../sync/bundle.py" line="318"/>
        <source>{file}: {name} is damaged inside the ZIP ({error}).</source>
        <translation>{file}: {name} ZIP کے اندر خراب ہے ({error})۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="303"/>
        <source>{file}: {name} is larger than the {cap}-byte limit.</source>
        <translation>{file}: {name} کا سائز {cap} بائٹس کی حد سے زیادہ ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="315"/>
        <source>{file}: {name} expands past {max_entry_bytes} bytes; refusing it.</source>
        <translation>{file}: {name} کھل کر {max_entry_bytes} بائٹس سے بڑھ جاتی ہے؛ اسے قبول نہیں کیا جاتا۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="331"/>
        <source>{file}: the manifest is not a JSON object.</source>
        <translation>{file}: مینی فیسٹ JSON آبجیکٹ نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="335"/>
        <source>{file}: the manifest&apos;s {name} is missing or malformed.</source>
        <translation>{file}: مینی فیسٹ میں {name} موجود نہیں یا غلط ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="337"/>
        <source>{file} is not a Mizan bundle (format {format}).</source>
        <translation>{file} Mizan کا بنڈل نہیں (فارمیٹ {format})۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="339"/>
        <source>{file}: the manifest&apos;s &apos;device_public_key&apos; is missing or malformed.</source>
        <translation>{file}: مینی فیسٹ میں &apos;device_public_key&apos; موجود نہیں یا غلط ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="341"/>
        <source>{file}: the manifest&apos;s bundle or device id is malformed.</source>
        <translation>{file}: مینی فیسٹ میں بنڈل یا ڈیوائس کی شناخت غلط ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="344"/>
        <source>{file}: the manifest&apos;s sequence or clock is malformed.</source>
        <translation>{file}: مینی فیسٹ میں ترتیب نمبر یا گھڑی کا وقت غلط ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="347"/>
        <source>{file}: the manifest lists an unexpected file {name}.</source>
        <translation>{file}: مینی فیسٹ میں غیر متوقع فائل {name} درج ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/bundle.py" line="350"/>
        <source>{file}: the manifest&apos;s record counts are malformed.</source>
        <translation>{file}: مینی فیسٹ میں ریکارڈز کی گنتی غلط ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/centre.py" line="67"/>
        <location filename="../../sync/keys.py" line="278"/>
        <source>Only the provincial centre enrolls devices.</source>
        <translation>صرف صوبائی مرکز ڈیوائسز رجسٹر کرتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/centre.py" line="73"/>
        <source>{file} is not signed by the key it carries: it was altered or forged. Do not enroll its device; ask the district office for a new export.</source>
        <translation>{file} پر اس کلید کے دستخط نہیں جو اس میں موجود ہے: اس میں ردوبدل ہوا ہے یا یہ جعلی ہے۔ اس کی ڈیوائس رجسٹر نہ کریں؛ ضلعی دفتر سے نئی برآمد مانگیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/centre.py" line="91"/>
        <source>The fingerprint you heard ({heard}) is not the one this bundle carries ({fingerprint}). Do not enroll the device: the bundle may not come from &apos;{device}&apos; of {district}. Phone the district office again.</source>
        <translation type="vanished">آپ نے جو فنگر پرنٹ سنا ({heard}) وہ اس بنڈل والا ({fingerprint}) نہیں۔ ڈیوائس رجسٹر نہ کریں: ہو سکتا ہے یہ بنڈل {district} کے &apos;{device}&apos; سے نہ آیا ہو۔ ضلعی دفتر کو دوبارہ فون کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/centre.py" line="125"/>
        <source>{folder} is not a folder.</source>
        <translation>{folder} فولڈر نہیں ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/centre.py" line="277"/>
        <source>There is no open conflict {conflict_id}; it may have been resolved already.</source>
        <translation>کوئی کھلا تضاد {conflict_id} موجود نہیں؛ ہو سکتا ہے یہ پہلے ہی حل ہو چکا ہو۔</translation>
    </message>
    <message>
        <location filename="../../sync/centre.py" line="343"/>
        <source>Conflict {conflict_id} ({record}) changed since it was shown: a newer version arrived. Look at it again before choosing.</source>
        <translation>تضاد {conflict_id} ({record}) دکھائے جانے کے بعد بدل گیا ہے: نیا نسخہ آ گیا ہے۔ چننے سے پہلے اسے دوبارہ دیکھیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/centre.py" line="350"/>
        <source>The version from {device} cannot be kept for {record}; nothing was changed.</source>
        <translation>{record} کے لیے {device} کا نسخہ نہیں رکھا جا سکتا؛ کچھ بھی تبدیل نہیں کیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../sync/export.py" line="102"/>
        <source>The provincial centre does not export bundles; it imports them.</source>
        <translation>صوبائی مرکز بنڈل برآمد نہیں کرتا؛ وہ انہیں درآمد کرتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/export.py" line="105"/>
        <source>This office does not trust a centre yet. An administrator adds the centre&apos;s key file under Settings (or with `keys import centre.key --fingerprint` followed by the fingerprint the centre reads out by phone).</source>
        <translation>یہ دفتر ابھی کسی مرکز پر بھروسا نہیں کرتا۔ منتظم ترتیبات میں مرکز کی کلید کی فائل شامل کرتا ہے (یا `keys import centre.key --fingerprint` سے، اس کے بعد وہ فنگر پرنٹ لکھ کر جو مرکز فون پر پڑھ کر سناتا ہے)۔</translation>
    </message>
    <message>
        <location filename="../../sync/export.py" line="111"/>
        <source>{recipient} is not an age recipient (they start with age1).</source>
        <translation>{recipient} age وصول کنندہ نہیں (یہ age1 سے شروع ہوتے ہیں)۔</translation>
    </message>
    <message>
        <location filename="../../sync/export.py" line="114"/>
        <source>{out_dir} is not a folder. Plug in the USB stick and choose its folder.</source>
        <translation>{out_dir} فولڈر نہیں ہے۔ یو ایس بی لگائیں اور اس کا فولڈر چنیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/importer.py" line="155"/>
        <source>Bundles are imported at the provincial centre; a district office exports them.</source>
        <translation>بنڈل صوبائی مرکز میں درآمد کیے جاتے ہیں؛ ضلعی دفتر انہیں برآمد کرتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/importer.py" line="205"/>
        <source>{file} was made by a newer Mizan (bundle format {version}; this centre reads up to {format_version}). Update Mizan at the centre first.</source>
        <translation>{file} Mizan کے نئے ورژن سے بنایا گیا ہے (بنڈل فارمیٹ {version}؛ یہ مرکز {format_version} تک پڑھتا ہے)۔ پہلے مرکز میں Mizan اپ ڈیٹ کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/importer.py" line="246"/>
        <source>{file} comes from a device this centre has not enrolled: district {district}, device &apos;{device}&apos;. Phone the district office and ask them to read out the fingerprint on their Export screen; enroll the device with what they read (`devices enroll` with `--fingerprint`), then import the bundle again.</source>
        <translation>{file} ایسی ڈیوائس سے آیا ہے جو اس مرکز میں رجسٹر نہیں: ضلع {district}، ڈیوائس &apos;{device}&apos;۔ ضلعی دفتر کو فون کریں اور ان سے کہیں کہ اپنی &quot;برآمد&quot; والی اسکرین پر دکھایا گیا فنگر پرنٹ پڑھ کر سنائیں؛ جو انہوں نے پڑھا اس کے ساتھ ڈیوائس رجسٹر کریں (`devices enroll` کے ساتھ `--fingerprint`)، پھر بنڈل دوبارہ درآمد کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/importer.py" line="249"/>
        <source>{file} comes from device &apos;{device_name}&apos; ({district}), which was revoked on {revoked}. Bundles from a revoked device are refused.</source>
        <translation>{file} ڈیوائس &apos;{device_name}&apos; ({district}) سے آیا ہے، جس کی اجازت {revoked} کو منسوخ کی گئی تھی۔ منسوخ شدہ ڈیوائس کے بنڈل قبول نہیں کیے جاتے۔</translation>
    </message>
    <message>
        <location filename="../../sync/importer.py" line="251"/>
        <source>{file} claims to come from device &apos;{device_name}&apos; ({district}) but carries a different key than the one enrolled, so it is refused. Phone the district office: if they reinstalled Mizan, revoke the old device and enroll the new installation; if not, the file may be forged.</source>
        <translation>{file} کا دعویٰ ہے کہ یہ ڈیوائس &apos;{device_name}&apos; ({district}) سے آیا ہے لیکن اس میں رجسٹر شدہ کلید سے مختلف کلید ہے، اس لیے اسے قبول نہیں کیا گیا۔ ضلعی دفتر کو فون کریں: اگر انہوں نے Mizan دوبارہ انسٹال کیا ہے تو پرانی ڈیوائس کی اجازت منسوخ کریں اور نئی تنصیب رجسٹر کریں؛ ورنہ ہو سکتا ہے فائل جعلی ہو۔</translation>
    </message>
    <message>
        <location filename="../../sync/importer.py" line="253"/>
        <source>{file} is not signed by device &apos;{device_name}&apos; ({district}): the signature does not verify. It was altered or forged; do not import it.</source>
        <translation>{file} پر ڈیوائس &apos;{device_name}&apos; ({district}) کے دستخط نہیں: دستخط کی تصدیق نہیں ہوتی۔ اس میں ردوبدل ہوا ہے یا یہ جعلی ہے؛ اسے درآمد نہ کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/importer.py" line="255"/>
        <source>{file} claims district {claimed}, but its device is enrolled for {district}.</source>
        <translation>{file} ضلع {claimed} کا دعویٰ کرتا ہے، لیکن اس کی ڈیوائس {district} کے لیے رجسٹر ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="101"/>
        <source>This installation has no such key; only the provincial centre has an age identity.</source>
        <translation>اس تنصیب میں ایسی کوئی کلید نہیں؛ age شناخت صرف صوبائی مرکز کے پاس ہوتی ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="155"/>
        <source>{file} is not a Mizan key file (unexpected line {line}).</source>
        <translation>{file} Mizan کی کلید کی فائل نہیں (غیر متوقع سطر {line})۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="158"/>
        <source>{file} is not a {kind} file.</source>
        <translation>{file} {kind} فائل نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="161"/>
        <source>{file} lacks {missing}.</source>
        <translation>{file} میں {missing} موجود نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="227"/>
        <source>{file} has a damaged age recipient.</source>
        <translation>{file} میں age وصول کنندہ خراب ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="230"/>
        <source>{file} has been altered: its keys do not match its fingerprint.</source>
        <translation>{file} میں ردوبدل ہوا ہے: اس کی کلیدیں اس کے فنگر پرنٹ سے مطابقت نہیں رکھتیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="238"/>
        <source>`keys import` is for district offices; the centre enrolls devices with `devices enroll`.</source>
        <translation>`keys import` ضلعی دفاتر کے لیے ہے؛ مرکز `devices enroll` سے ڈیوائسز رجسٹر کرتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="242"/>
        <source>This office already trusts the centre {current}. To switch to {fingerprint} (e.g. after the centre rotated its key), add --replace.</source>
        <translation>یہ دفتر پہلے ہی مرکز {current} پر بھروسا کرتا ہے۔ {fingerprint} پر منتقل ہونے کے لیے (مثلاً مرکز کی کلید بدلنے کے بعد) --replace شامل کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="262"/>
        <source>{file} has been altered: its key does not match its fingerprint.</source>
        <translation>{file} میں ردوبدل ہوا ہے: اس کی کلید اس کے فنگر پرنٹ سے مطابقت نہیں رکھتی۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="280"/>
        <source>The enrollment names an unknown district {district}.</source>
        <translation>رجسٹریشن میں نامعلوم ضلع {district} درج ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="285"/>
        <source>Device {device_id} was revoked; a revoked device is never enrolled again. Install Mizan afresh on that PC to get a new device id.</source>
        <translation>ڈیوائس {device_id} کی اجازت منسوخ کی جا چکی ہے؛ منسوخ شدہ ڈیوائس دوبارہ کبھی رجسٹر نہیں ہوتی۔ نئی ڈیوائس شناخت کے لیے اس کمپیوٹر پر Mizan نئے سرے سے انسٹال کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="287"/>
        <source>Device {device_id} is enrolled with another key. A changed key is refused: revoke the device, then enroll a fresh installation.</source>
        <translation>ڈیوائس {device_id} کسی اور کلید کے ساتھ رجسٹر ہے۔ بدلی ہوئی کلید قبول نہیں کی جاتی: ڈیوائس کی اجازت منسوخ کریں، پھر نئی تنصیب رجسٹر کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="311"/>
        <source>There is no active device {device_id}.</source>
        <translation>کوئی فعال ڈیوائس {device_id} موجود نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="452"/>
        <source>Only the provincial centre rotates its key; a district device is re-enrolled instead.</source>
        <translation>صرف صوبائی مرکز اپنی کلید بدلتا ہے؛ ضلعی ڈیوائس کو اس کے بجائے دوبارہ رجسٹر کیا جاتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="476"/>
        <source>Only the provincial centre backs up its keys; a district device is simply re-enrolled.</source>
        <translation>صرف صوبائی مرکز اپنی کلیدوں کا بیک اپ لیتا ہے؛ ضلعی ڈیوائس کو بس دوبارہ رجسٹر کیا جاتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="478"/>
        <source>Use a backup passphrase of at least 12 characters.</source>
        <translation>بیک اپ کے لیے کم از کم 12 حروف کا پاس فریز استعمال کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="501"/>
        <source>Keys are restored on a provincial centre installation.</source>
        <translation>کلیدیں صوبائی مرکز کی تنصیب پر بحال کی جاتی ہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="503"/>
        <source>This centre has already imported bundles; restore keys only on a freshly initialised centre.</source>
        <translation>یہ مرکز پہلے ہی بنڈل درآمد کر چکا ہے؛ کلیدیں صرف نئے بنائے گئے مرکز پر بحال کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="509"/>
        <source>{file} did not open: wrong passphrase, or not a Mizan key backup.</source>
        <translation>{file} نہیں کھلی: پاس فریز غلط ہے، یا یہ Mizan کی کلیدوں کا بیک اپ نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="523"/>
        <source>{file} is not a complete Mizan key backup.</source>
        <translation>{file} Mizan کی کلیدوں کا مکمل بیک اپ نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/receipts.py" line="29"/>
        <source>Receipts are written by the provincial centre.</source>
        <translation>رسیدیں صوبائی مرکز بناتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/receipts.py" line="32"/>
        <source>{out_dir} is not a folder.</source>
        <translation>{out_dir} فولڈر نہیں ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/receipts.py" line="40"/>
        <source>There is no enrolled device {device_id}.</source>
        <translation>کوئی رجسٹر شدہ ڈیوائس {device_id} موجود نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/receipts.py" line="60"/>
        <source>This office trusts no centre yet; import the centre&apos;s key file first (`keys import`).</source>
        <translation>یہ دفتر ابھی کسی مرکز پر بھروسا نہیں کرتا؛ پہلے مرکز کی کلید کی فائل درآمد کریں (`keys import`)۔</translation>
    </message>
    <message>
        <location filename="../../sync/receipts.py" line="64"/>
        <source>{file} is too large to be a receipt.</source>
        <translation>{file} رسید ہونے کے لیے بہت بڑی ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/receipts.py" line="75"/>
        <source>{file} is not a Mizan receipt ({error}).</source>
        <translation>{file} Mizan کی رسید نہیں ({error})۔</translation>
    </message>
    <message>
        <location filename="../../sync/receipts.py" line="77"/>
        <source>{file} is not signed by the centre this office trusts ({fingerprint}). It comes from another centre or was altered; it was not applied.</source>
        <translation>{file} پر اس مرکز کے دستخط نہیں جس پر یہ دفتر بھروسا کرتا ہے ({fingerprint})۔ یہ کسی اور مرکز سے آئی ہے یا اس میں ردوبدل ہوا ہے؛ اسے لاگو نہیں کیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../sync/receipts.py" line="79"/>
        <source>{file} is a receipt for another device ({device}), not this one.</source>
        <translation>{file} کسی اور ڈیوائس ({device}) کی رسید ہے، اس کی نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/receipts.py" line="83"/>
        <source>{file} lists its bundles in a form this Mizan does not read.</source>
        <translation>{file} میں بنڈل ایسی شکل میں درج ہیں جسے Mizan کا یہ ورژن نہیں پڑھتا۔</translation>
    </message>
    <message>
        <location filename="../../storage/core/keyslots.py"/>
        <source>The key file {path} is busy: another Mizan on this PC is signing in or changing users. Try again in a minute.</source>
        <translation>کلید کی فائل {path} مصروف ہے: اس کمپیوٹر پر Mizan کا ایک اور پروگرام سائن ان کر رہا ہے یا صارفین بدل رہا ہے۔ ایک منٹ بعد دوبارہ کوشش کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/core/writer.py"/>
        <source>Mizan is open on this PC ({user}, since {time}): close it first.</source>
        <translation>اس کمپیوٹر پر Mizan کھلا ہوا ہے ({user}، {time} سے): پہلے اسے بند کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/core/writer.py"/>
        <source>Mizan is open on this PC: close it first.</source>
        <translation>اس کمپیوٹر پر Mizan کھلا ہوا ہے: پہلے اسے بند کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/core/clock.py" line="135"/>
        <source>This PC&apos;s clock reads {today}, but records were saved on it up to {last}. If today&apos;s date is wrong, correct the PC&apos;s date and time. If it is right, those records were saved while the clock ran ahead: a supervisor dates them today with `clock repair`, and then saving works again.</source>
        <translation>اس کمپیوٹر کی گھڑی {today} بتا رہی ہے، لیکن اس پر {last} تک کے ریکارڈ محفوظ ہو چکے ہیں۔ اگر آج کی تاریخ غلط ہے تو کمپیوٹر کی تاریخ اور وقت درست کریں۔ اگر درست ہے تو وہ ریکارڈ اس وقت محفوظ ہوئے جب گھڑی آگے چل رہی تھی: سپروائزر `clock repair` سے انہیں آج کی تاریخ دے، اس کے بعد محفوظ کرنا پھر ممکن ہو گا۔</translation>
    </message>
    <message>
        <location filename="../../storage/core/clock.py" line="147"/>
        <source>This PC&apos;s clock reads {today}, more than a year after the centre&apos;s newest receipt ({receipt}). Correct the PC&apos;s date and time, then save again.</source>
        <translation>اس کمپیوٹر کی گھڑی {today} بتا رہی ہے، جو مرکز کی تازہ ترین رسید ({receipt}) سے ایک سال سے زیادہ بعد ہے۔ کمپیوٹر کی تاریخ اور وقت درست کریں، پھر دوبارہ محفوظ کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/core/session.py" line="309"/>
        <source>Only a district office repairs its clock this way; at the centre, correct the PC&apos;s date and time.</source>
        <translation>گھڑی کی یہ مرمت صرف ضلعی دفتر میں ہوتی ہے؛ مرکز میں کمپیوٹر کی تاریخ اور وقت درست کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/core/session.py" line="317"/>
        <source>This PC&apos;s clock and its records agree; there is nothing to repair.</source>
        <translation>اس کمپیوٹر کی گھڑی اور اس کے ریکارڈ میں کوئی فرق نہیں؛ مرمت کی ضرورت نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="85"/>
        <source>{typed} is not a fingerprint. A fingerprint is 16 letters and digits in four groups, like ABCD-EFGH-JKMN-PQRS, and never holds 0, 1, I or O: type what the other office read out to you.</source>
        <translation>{typed} فنگر پرنٹ نہیں۔ فنگر پرنٹ چار چار کے چار گروپوں میں 16 حروف اور ہندسے ہوتا ہے، جیسے ABCD-EFGH-JKMN-PQRS، اور اس میں 0، 1، I یا O کبھی نہیں ہوتے: وہی لکھیں جو دوسرے دفتر نے آپ کو پڑھ کر سنایا۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="95"/>
        <source>The fingerprint you typed, {typed}, is not this file&apos;s ({file}). The file may have been changed on its way: do not trust it; ask the other office to read theirs again. Nothing was stored.</source>
        <translation>آپ نے جو فنگر پرنٹ لکھا، {typed}، وہ اس فائل ({file}) کا نہیں۔ ہو سکتا ہے راستے میں فائل بدل دی گئی ہو: اس پر بھروسا نہ کریں؛ دوسرے دفتر سے کہیں کہ اپنا فنگر پرنٹ دوبارہ پڑھ کر سنائے۔ کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="180"/>
        <source>{file} is too large to be a Mizan key file.</source>
        <translation>{file} اتنی بڑی ہے کہ Mizan کی کلید کی فائل نہیں ہو سکتی۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="192"/>
        <source>{file} names {field} twice; a Mizan key file names each once. Nothing was stored.</source>
        <translation>{file} میں {field} دو بار درج ہے؛ Mizan کی کلید کی فائل میں ہر خانہ ایک ہی بار ہوتا ہے۔ کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="205"/>
        <source>{file}: {field} holds characters that no key has. The file was damaged or changed on its way; nothing was stored.</source>
        <translation>{file}: {field} میں ایسے حروف ہیں جو کسی کلید میں نہیں ہوتے۔ فائل خراب ہو گئی یا راستے میں بدل دی گئی؛ کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="212"/>
        <source>{file}: {field} is not a valid key (32 bytes in base64). The file was damaged or changed on its way; nothing was stored.</source>
        <translation>{file}: {field} درست کلید نہیں (base64 میں 32 بائٹ)۔ فائل خراب ہو گئی یا راستے میں بدل دی گئی؛ کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="225"/>
        <source>{file}: {field} holds control characters (line breaks, escape codes or text-direction marks). The file was damaged or changed on its way; nothing was stored.</source>
        <translation>{file}: {field} میں کنٹرول حروف ہیں (نئی سطر، ایسکیپ کوڈ یا متن کی سمت کے نشان)۔ فائل خراب ہو گئی یا راستے میں بدل دی گئی؛ کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="227"/>
        <source>{file}: {field} is longer than {limit} characters. The file was damaged or changed on its way; nothing was stored.</source>
        <translation>{file}: {field} {limit} حروف سے لمبا ہے۔ فائل خراب ہو گئی یا راستے میں بدل دی گئی؛ کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="236"/>
        <source>{file}: device-id is not a device id (Mizan writes a UUID). The file was damaged or changed on its way; nothing was stored.</source>
        <translation>{file}: device-id ڈیوائس کی شناخت نہیں (Mizan یہاں UUID لکھتا ہے)۔ فائل خراب ہو گئی یا راستے میں بدل دی گئی؛ کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <location filename="../../sync/keys.py" line="301"/>
        <source>This PC&apos;s name is longer than {limit} characters or holds control characters, so the centre would refuse its enrollment file. Install Mizan afresh with a shorter, plain name.</source>
        <translation>اس کمپیوٹر کا نام {limit} حروف سے لمبا ہے یا اس میں کنٹرول حروف ہیں، اس لیے مرکز اس کی رجسٹریشن فائل قبول نہیں کرے گا۔ Mizan کو چھوٹے اور سادہ نام کے ساتھ نئے سرے سے انسٹال کریں۔</translation>
    </message>
    <message>
        <location filename="../../sync/cli.py" line="49"/>
        <source>--i-compared asks you to type the fingerprint you heard, and that needs a terminal. Give it with --fingerprint instead.</source>
        <translation>--i-compared آپ سے سنا ہوا فنگر پرنٹ لکھنے کو کہتا ہے، اور اس کے لیے ٹرمینل چاہیے۔ اس کے بجائے اسے --fingerprint کے ساتھ دیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/cli.py" line="56"/>
        <source>No fingerprint was typed; nothing was stored.</source>
        <translation>کوئی فنگر پرنٹ نہیں لکھا گیا؛ کچھ محفوظ نہیں ہوا۔</translation>
    </message>
    <message>
        <location filename="../../sync/cli.py" line="58"/>
        <source>Phone the provincial centre and ask them to read out the fingerprint Mizan shows them. Then run this again with --fingerprint followed by what they read (or with --i-compared in a terminal, to type it). {file} is not trusted until then. Its own fingerprint line is not shown: a file changed on its way carries a matching one.</source>
        <translation>صوبائی مرکز کو فون کریں اور ان سے کہیں کہ Mizan انہیں جو فنگر پرنٹ دکھاتا ہے وہ پڑھ کر سنائیں۔ پھر یہ دوبارہ چلائیں، --fingerprint کے بعد وہ لکھ کر جو انہوں نے پڑھا (یا ٹرمینل میں --i-compared کے ساتھ، تاکہ اسے لکھ سکیں)۔ تب تک {file} پر بھروسا نہیں کیا جائے گا۔ فائل کے اندر لکھا فنگر پرنٹ نہیں دکھایا جاتا: راستے میں بدلی گئی فائل میں بھی اس سے ملتا ہوا فنگر پرنٹ ہوتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/cli.py" line="59"/>
        <source>Phone the district office and ask them to read out the fingerprint on their Export screen. Then run this again with --fingerprint followed by what they read (or with --i-compared in a terminal, to type it). {file} is not enrolled until then. Its own fingerprint line is not shown: a file changed on its way carries a matching one.</source>
        <translation>ضلعی دفتر کو فون کریں اور ان سے کہیں کہ اپنی &quot;برآمد&quot; والی اسکرین پر دکھایا گیا فنگر پرنٹ پڑھ کر سنائیں۔ پھر یہ دوبارہ چلائیں، --fingerprint کے بعد وہ لکھ کر جو انہوں نے پڑھا (یا ٹرمینل میں --i-compared کے ساتھ، تاکہ اسے لکھ سکیں)۔ تب تک {file} رجسٹر نہیں کی جائے گی۔ فائل کے اندر لکھا فنگر پرنٹ نہیں دکھایا جاتا: راستے میں بدلی گئی فائل میں بھی اس سے ملتا ہوا فنگر پرنٹ ہوتا ہے۔</translation>
    </message>
    <message>
        <source>{file}: the manifest&apos;s audit head is malformed.</source>
        <translation>{file}: مینی فیسٹ میں آڈٹ کا سرا درست شکل میں نہیں۔</translation>
    </message>
    <message>
        <source>Updates are written by the provincial centre; a district office imports them (`update import`).</source>
        <translation>اپ ڈیٹس صوبائی مرکز لکھتا ہے؛ ضلعی دفتر انہیں درآمد کرتا ہے (`update import`)۔</translation>
    </message>
    <message>
        <source>{file} was not applied: {reason}</source>
        <translation>{file} لاگو نہیں کی گئی: {reason}</translation>
    </message>
    <message>
        <source>{file} is too large to be a centre update.</source>
        <translation>{file} مرکز کی اپ ڈیٹ ہونے کے لیے بہت بڑی ہے۔</translation>
    </message>
    <message>
        <source>{file} is not a Mizan centre update ({error}).</source>
        <translation>{file} Mizan کے مرکز کی اپ ڈیٹ نہیں ({error})۔</translation>
    </message>
    <message>
        <source>{file} is not signed by the centre this office trusts ({fingerprint}). It comes from another centre or was altered; nothing was applied.</source>
        <translation>{file} پر اس مرکز کے دستخط نہیں جس پر یہ دفتر اعتماد کرتا ہے ({fingerprint})۔ یہ کسی اور مرکز سے ہے یا اس میں تبدیلی کی گئی ہے؛ کچھ بھی لاگو نہیں کیا گیا۔</translation>
    </message>
    <message>
        <source>its form is not one this Mizan reads ({fields}).</source>
        <translation>اس کی شکل ایسی نہیں جو یہ Mizan پڑھتا ہے ({fields})۔</translation>
    </message>
    <message>
        <source>it was made by a newer Mizan (format {version}); install the newer Mizan first.</source>
        <translation>یہ نئے Mizan نے بنائی ہے (فارمیٹ {version})؛ پہلے نیا Mizan انسٹال کریں۔</translation>
    </message>
    <message>
        <source>a target in it is not in the form this Mizan reads.</source>
        <translation>اس میں ایک ہدف ایسی شکل میں ہے جو یہ Mizan نہیں پڑھتا۔</translation>
    </message>
    <message>
        <source>`update import` is for district offices; the centre writes updates (`update export`).</source>
        <translation>`update import` ضلعی دفاتر کے لیے ہے؛ مرکز اپ ڈیٹس لکھتا ہے (`update export`)۔</translation>
    </message>
    <message>
        <source>update {sequence} is not newer than update {last}, applied here already; nothing changed.</source>
        <translation>اپ ڈیٹ {sequence} اپ ڈیٹ {last} سے نئی نہیں، جو یہاں پہلے ہی لاگو ہو چکی ہے؛ کچھ نہیں بدلا۔</translation>
    </message>
    <message>
        <source>its receipts are not in the form this Mizan reads.</source>
        <translation>اس کی رسیدیں ایسی شکل میں ہیں جو یہ Mizan نہیں پڑھتا۔</translation>
    </message>
    <message>
        <source>its policy is not in the form this Mizan reads.</source>
        <translation>اس کی پالیسی ایسی شکل میں ہے جو یہ Mizan نہیں پڑھتا۔</translation>
    </message>
    <message>
        <source>The centre has revoked this PC: it refuses this PC's bundles. Install Mizan afresh and enroll again.</source>
        <translation>مرکز نے یہ پی سی منسوخ کر دیا ہے: وہ اس پی سی کے بنڈل قبول نہیں کرتا۔ Mizan نئے سرے سے انسٹال کریں اور دوبارہ اندراج کرائیں۔</translation>
    </message>
    <message>
        <source>Data sets are approved or returned by the provincial centre.</source>
        <translation>ڈیٹا سیٹ صوبائی مرکز منظور یا واپس کرتا ہے۔</translation>
    </message>
    <message>
        <source>Say why, with --reason: the district office reads it on its dashboard.</source>
        <translation>وجہ بتائیں، --reason کے ساتھ: ضلعی دفتر اسے اپنے ڈیش بورڈ پر پڑھتا ہے۔</translation>
    </message>
    <message>
        <source>The reason is longer than {limit} characters; say it shorter.</source>
        <translation>وجہ {limit} حروف سے لمبی ہے؛ مختصر لکھیں۔</translation>
    </message>
    <message>
        <source>The {institution} data set of {district} for {period} is {state}; only a {needed} data set can be {decision}.</source>
        <translation>{district} کا {period} کا {institution} ڈیٹا سیٹ {state} ہے؛ صرف {needed} ڈیٹا سیٹ {decision} ہو سکتا ہے۔</translation>
    </message>
    <message>
        <source>The {institution} data set of {district} for {period} was approved on {day} by {name}: ask the centre to reopen it.</source>
        <translation>{district} کا {period} کا {institution} ڈیٹا سیٹ {day} کو {name} نے منظور کیا: اسے دوبارہ کھولنے کے لیے مرکز سے کہیں۔</translation>
    </message>
    <message>
        <source>Data sets are submitted by district offices; the centre approves or returns them.</source>
        <translation>ڈیٹا سیٹ ضلعی دفاتر جمع کراتے ہیں؛ مرکز انہیں منظور یا واپس کرتا ہے۔</translation>
    </message>
    <message>
        <source>The data set is approved.</source>
        <translation>ڈیٹا سیٹ منظور ہو چکا ہے۔</translation>
    </message>
    <message>
        <source>its approval decisions are not in the form this Mizan reads.</source>
        <translation>اس کے منظوری کے فیصلے ایسی شکل میں ہیں جو یہ Mizan نہیں پڑھتا۔</translation>
    </message>
    <message>
        <source>its desks are not in the form this Mizan reads.</source>
        <translation>اس کے ڈیسک ایسی شکل میں ہیں جو یہ Mizan نہیں پڑھتا۔</translation>
    </message>
    <message>
        <source>The desk report counts case records, which no data set approves: it has no --approved-only.</source>
        <translation>ڈیسک رپورٹ کیس ریکارڈز گنتی ہے، جنہیں کوئی ڈیٹا سیٹ منظور نہیں کرتا: اس میں --approved-only نہیں ہے۔</translation>
    </message>
    <message>
        <source>The catalogue lacks {files}.</source>
        <translation>کیٹلاگ میں {files} نہیں ہیں۔</translation>
    </message>
    <message>
        <source>The catalogue cannot be read: {error}</source>
        <translation>کیٹلاگ پڑھا نہیں جا سکتا: {error}</translation>
    </message>
    <message>
        <source>The catalogue's version is {version}, as the one in use: give the new catalogue a new version in catalogue_version.txt.</source>
        <translation>کیٹلاگ کا ورژن {version} ہے، وہی جو استعمال میں ہے: catalogue_version.txt میں نئے کیٹلاگ کو نیا ورژن دیں۔</translation>
    </message>
    <message>
        <source>The new catalogue drops {codes}. A code is never removed, since figures were recorded under it: retire it with a valid_to date instead.</source>
        <translation>نیا کیٹلاگ {codes} نکال دیتا ہے۔ کوئی کوڈ کبھی نہیں ہٹایا جاتا، کیونکہ اس کے تحت اعداد درج ہوئے ہیں: اس کے بجائے valid_to تاریخ کے ساتھ اسے ختم کریں۔</translation>
    </message>
    <message>
        <source>{folder} has no catalogue_version.txt: a new catalogue needs its own version.</source>
        <translation>{folder} میں catalogue_version.txt نہیں: نئے کیٹلاگ کا اپنا ورژن ہونا چاہیے۔</translation>
    </message>
    <message>
        <source>{file} cannot be read as UTF-8 text ({error}).</source>
        <translation>{file} کو UTF-8 متن کے طور پر نہیں پڑھا جا سکتا ({error})۔</translation>
    </message>
    <message>
        <source>The catalogue is changed at the provincial centre; it reaches this office in a centre update.</source>
        <translation>کیٹلاگ صوبائی مرکز میں بدلا جاتا ہے؛ یہ مرکز کی اپ ڈیٹ میں اس دفتر تک پہنچتا ہے۔</translation>
    </message>
    <message>
        <source>its catalogue is not in the form this Mizan reads.</source>
        <translation>اس کا کیٹلاگ ایسی شکل میں ہے جو یہ Mizan نہیں پڑھتا۔</translation>
    </message>
    <message>
        <source>There is no policy {name}; the policy has {names}.</source>
        <translation>{name} نام کی کوئی پالیسی نہیں؛ پالیسی میں {names} ہیں۔</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {low} to {high}, not {value}.</source>
        <translation>{name} کو {low} سے {high} تک کا مکمل عدد ہونا چاہیے، {value} نہیں۔</translation>
    </message>
    <message>
        <source>The policy is set at the provincial centre; it reaches this office in a centre update.</source>
        <translation>پالیسی صوبائی مرکز طے کرتا ہے؛ یہ مرکز کی اپ ڈیٹ میں اس دفتر تک پہنچتی ہے۔</translation>
    </message>
    <message>
        <source>Unknown level {level}; choose one of {levels}.</source>
        <translation>نامعلوم سطح {level}؛ ان میں سے ایک چنیں: {levels}۔</translation>
    </message>
    <message>
        <source>This office holds {own}&apos;s figures only: report at the district or desk level.</source>
        <translation>اس دفتر میں صرف {own} کے اعداد ہیں: ضلع یا ڈیسک کی سطح پر رپورٹ بنائیں۔</translation>
    </message>
    <message>
        <source>{codes}: typed in per district, with no desk breakdown. At the desk level choose a desk indicator: {desk}.</source>
        <translation>{codes}: ضلع وار درج ہوتے ہیں، ان کی ڈیسک وار تقسیم نہیں۔ ڈیسک کی سطح پر ڈیسک کا کوئی اشاریہ چنیں: {desk}۔</translation>
    </message>
    <message>
        <source>The id scheme is uid or code, not {scheme}.</source>
        <translation>شناخت کا طریقہ uid یا code ہے، {scheme} نہیں۔</translation>
    </message>
    <message>
        <source>Cannot read the mapping {file}: {reason}</source>
        <translation>میپنگ {file} پڑھی نہیں جا سکی: {reason}</translation>
    </message>
    <message>
        <source>The mapping {file} is not UTF-8 text; save it as CSV UTF-8.</source>
        <translation>میپنگ {file} UTF-8 متن نہیں ہے؛ اسے CSV UTF-8 کے طور پر محفوظ کریں۔</translation>
    </message>
    <message>
        <source>{file} is not a DHIS2 mapping: it needs the columns of `dhis2 mapping-template` ({columns}).</source>
        <translation>{file} DHIS2 میپنگ نہیں ہے: اس میں `dhis2 mapping-template` کے کالم ہونے چاہئیں ({columns})۔</translation>
    </message>
    <message>
        <source>row {row}: {indicator} {cell} is not an indicator and cell of the catalogue.</source>
        <translation>قطار {row}: {indicator} {cell} کیٹلاگ کا کوئی اشاریہ اور خانہ نہیں ہے۔</translation>
    </message>
    <message>
        <source>row {row}: {indicator} is sent as its numerator and denominator, not {quantity}: DHIS2 would add or average a percent or a ratio.</source>
        <translation>قطار {row}: {indicator} اپنے شمار کنندہ اور نسب نما کے طور پر بھیجا جاتا ہے، {quantity} کے طور پر نہیں: DHIS2 فیصد یا تناسب کو جمع کر دے گا یا اس کی اوسط نکالے گا۔</translation>
    </message>
    <message>
        <source>row {row}: {indicator} is sent as its value, not {quantity}.</source>
        <translation>قطار {row}: {indicator} اپنی قدر کے طور پر بھیجا جاتا ہے، {quantity} کے طور پر نہیں۔</translation>
    </message>
    <message>
        <source>row {row}: {district} is not a district of the catalogue.</source>
        <translation>قطار {row}: {district} کیٹلاگ کا کوئی ضلع نہیں ہے۔</translation>
    </message>
    <message>
        <source>row {row}: kind is data or org_unit, not {kind}.</source>
        <translation>قطار {row}: kind یا تو data ہے یا org_unit، {kind} نہیں۔</translation>
    </message>
    <message>
        <source>row {row} repeats row {first}; keep one.</source>
        <translation>قطار {row} قطار {first} کو دہراتی ہے؛ ایک رکھیں۔</translation>
    </message>
    <message>
        <source>row {row} goes to the same data element and option combos as row {first}: DHIS2 would keep only one of the two figures.</source>
        <translation>قطار {row} اسی ڈیٹا عنصر اور آپشن کومبو میں جاتی ہے جس میں قطار {first}: DHIS2 دونوں میں سے صرف ایک عدد رکھے گا۔</translation>
    </message>
    <message>
        <source>{count} problem(s) in the mapping {file}; nothing was written.</source>
        <translation>میپنگ {file} میں {count} مسئلے؛ کچھ نہیں لکھا گیا۔</translation>
    </message>
    <message>
        <source>Say which figures to export: --period P or --year Y (one of them).</source>
        <translation>بتائیں کون سے اعداد برآمد کرنے ہیں: --period P یا --year Y (ان میں سے ایک)۔</translation>
    </message>
    <message>
        <source>district {district}: no org unit ({count} value(s))</source>
        <translation>ضلع {district}: کوئی org unit نہیں ({count} قدریں)</translation>
    </message>
    <message>
        <source>{indicator} {cell} {quantity}: no data set, which ADX needs ({count} value(s))</source>
        <translation>{indicator} {cell} {quantity}: کوئی ڈیٹا سیٹ نہیں، جو ADX کے لیے ضروری ہے ({count} قدریں)</translation>
    </message>
    <message>
        <source>{indicator} {cell} {quantity}: no data element ({count} value(s))</source>
        <translation>{indicator} {cell} {quantity}: کوئی ڈیٹا عنصر نہیں ({count} قدریں)</translation>
    </message>
    <message>
        <source>The format is adx, json or csv, not {format}.</source>
        <translation>فارمیٹ adx، json یا csv ہے، {format} نہیں۔</translation>
    </message>
    <message>
        <source>{count} value(s) have no DHIS2 identifier in the mapping {file}; nothing was written. Fill these in, or leave them out with --skip-unmapped:</source>
        <translation>{count} قدروں کا میپنگ {file} میں کوئی DHIS2 شناخت کنندہ نہیں؛ کچھ نہیں لکھا گیا۔ یہ بھر دیں، یا --skip-unmapped سے انہیں چھوڑ دیں:</translation>
    </message>
    <message>
        <source>There are no figures of {span} to send; nothing was written.</source>
        <translation>{span} کے بھیجنے کے لیے کوئی اعداد نہیں؛ کچھ نہیں لکھا گیا۔</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Urdu name</source>
        <translation>اردو نام</translation>
    </message>
    <message>
        <source>example</source>
        <translation>مثال</translation>
    </message>
    <message>
        <source>note</source>
        <translation>نوٹ</translation>
    </message>
    <message>
        <source>code</source>
        <translation>کوڈ</translation>
    </message>
    <message>
        <source>title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Urdu title</source>
        <translation>اردو عنوان</translation>
    </message>
    <message>
        <source>department</source>
        <translation>محکمہ</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>شراکت دار</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>مقصد</translation>
    </message>
    <message>
        <source>output</source>
        <translation>آؤٹ پٹ</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>اشاریہ</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>آغاز کی تاریخ</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>آخری تاریخ</translation>
    </message>
    <message>
        <source>headline</source>
        <translation>نمایاں</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>بنیادی سطح</translation>
    </message>
    <message>
        <source>baseline year</source>
        <translation>بنیادی سطح کا سال</translation>
    </message>
    <message>
        <source>activity status</source>
        <translation>سرگرمی کی حیثیت</translation>
    </message>
    <message>
        <source>progress date</source>
        <translation>پیش رفت کی تاریخ</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>ثبوت</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="159"/>
        <source>case number</source>
        <translation>کیس نمبر</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="160"/>
        <source>client code</source>
        <translation>متاثرہ فرد کا کوڈ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="161"/>
        <source>report date</source>
        <translation>رپورٹ کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="162"/>
        <source>incident date</source>
        <translation>واقعے کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="163"/>
        <source>follow-up date</source>
        <translation>فالو اپ کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="164"/>
        <source>client&apos;s sex</source>
        <translation>متاثرہ فرد کی جنس</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="165"/>
        <source>client&apos;s age group</source>
        <translation>متاثرہ فرد کی عمر کا گروپ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="166"/>
        <source>incident location</source>
        <translation>واقعے کی جگہ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="167"/>
        <source>time of day</source>
        <translation>دن کا وقت</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="168"/>
        <source>district of the incident</source>
        <translation>واقعے کا ضلع</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="169"/>
        <source>GBV type</source>
        <translation>تشدد کی قسم (GBV)</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="170"/>
        <source>kind of non-GBV complaint</source>
        <translation>غیر GBV شکایت کی نوعیت</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="171"/>
        <source>consent to services</source>
        <translation>خدمات کے لیے رضامندی</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="172"/>
        <source>consent to share non-identifiable data for reporting</source>
        <translation>رپورٹنگ کے لیے شناخت سے پاک ڈیٹا شیئر کرنے کی رضامندی</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="173"/>
        <source>case status</source>
        <translation>کیس کی حیثیت</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="174"/>
        <source>closing reason</source>
        <translation>کیس بند کرنے کی وجہ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="175"/>
        <source>applicant&apos;s sex</source>
        <translation>درخواست گزار کی جنس</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="176"/>
        <source>date received</source>
        <translation>وصولی کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="177"/>
        <source>date completed</source>
        <translation>تکمیل کی تاریخ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="178"/>
        <source>value</source>
        <translation>قدر</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="179"/>
        <source>numerator</source>
        <translation>شمار کنندہ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="180"/>
        <source>denominator</source>
        <translation>نسب نما</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="181"/>
        <source>numerator and denominator</source>
        <translation>شمار کنندہ اور نسب نما</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="182"/>
        <source>target</source>
        <translation>ہدف</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="183"/>
        <source>desk</source>
        <translation>ڈیسک</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="184"/>
        <source>service</source>
        <translation>خدمت</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="185"/>
        <source>service status</source>
        <translation>خدمت کی کیفیت</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="186"/>
        <source>displacement</source>
        <translation>نقل مکانی</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="187"/>
        <source>perpetrator relationship</source>
        <translation>ملزم سے رشتہ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="188"/>
        <source>perpetrator sex</source>
        <translation>ملزم کی جنس</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="189"/>
        <source>perpetrator age group</source>
        <translation>ملزم کی عمر کا گروپ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="821"/>
        <source>{service} date</source>
        <translation>{service} کی تاریخ</translation>
    </message>
</context>
<context>
    <name>frequencies</name>
    <message>
        <location filename="../../storage/validation.py" line="195"/>
        <source>monthly</source>
        <translation>ماہانہ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="196"/>
        <source>quarterly</source>
        <translation>سہ ماہی</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="197"/>
        <source>annual</source>
        <translation>سالانہ</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="44"/>
        <source>new</source>
        <translation>نئے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="44"/>
        <source>updated</source>
        <translation>تازہ کیے گئے</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="45"/>
        <source>unchanged</source>
        <translation>غیر تبدیل شدہ</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="45"/>
        <source>conflicts</source>
        <translation>تضادات</translation>
    </message>
    <message>
        <location filename="../../gui/screens/import_screen.py" line="46"/>
        <source>quarantined</source>
        <translation>روکے گئے</translation>
    </message>
    <message>
        <source>{file}: district {district}, PC &apos;{device}&apos;, made this bundle for the centre key retired on {retired}. Whoever holds that old key can read it. Give the office the centre&apos;s new key file (they import it with --replace) and, if the old key may have leaked, find out who carried this PC&apos;s bundles.</source>
        <translation>{file}: ضلع {district}، پی سی &apos;{device}&apos; نے یہ بنڈل مرکز کی اس کلید کے لیے بنایا جو {retired} کو ریٹائر ہو چکی ہے۔ جس کے پاس وہ پرانی کلید ہے وہ اسے پڑھ سکتا ہے۔ دفتر کو مرکز کی نئی کلید فائل دیں (وہ اسے --replace کے ساتھ درآمد کریں) اور، اگر پرانی کلید افشا ہوئی ہو، تو معلوم کریں کہ اس پی سی کے بنڈل کون لے کر گیا۔</translation>
    </message>
    <message>
        <source>{file}: district {district}, PC &apos;{device}&apos;, {period}: {indicator} {cell}: {message}</source>
        <translation>{file}: ضلع {district}، پی سی &apos;{device}&apos;، {period}: {indicator} {cell}: {message}</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <location filename="../../sync/cli.py" line="50"/>
        <source>Type the fingerprint the provincial centre read out to you: </source>
        <translation>صوبائی مرکز نے جو فنگر پرنٹ آپ کو پڑھ کر سنایا وہ لکھیں: </translation>
    </message>
    <message>
        <location filename="../../sync/cli.py" line="52"/>
        <source>Type the fingerprint the district office read out to you: </source>
        <translation>ضلعی دفتر نے جو فنگر پرنٹ آپ کو پڑھ کر سنایا وہ لکھیں: </translation>
    </message>
    <message>
        <location filename="../../sync/cli.py" line="72"/>
        <source>The fingerprint matches: this office now trusts the centre {fingerprint}.</source>
        <translation>فنگر پرنٹ مل گیا: یہ دفتر اب مرکز {fingerprint} پر بھروسا کرتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../sync/cli.py" line="95"/>
        <source>{file} comes from device &apos;{device}&apos; of {district}, which this centre has not enrolled.</source>
        <translation>{file} ضلع {district} کی ڈیوائس &apos;{device}&apos; سے آیا ہے، جو اس مرکز میں رجسٹر نہیں۔</translation>
    </message>
    <message>
        <location filename="../../sync/cli.py" line="99"/>
        <source>The fingerprint matches: enrolled device &apos;{device}&apos; of {district} ({device_id}), fingerprint {fingerprint}.</source>
        <translation>فنگر پرنٹ مل گیا: ضلع {district} کی ڈیوائس &apos;{device}&apos; ({device_id}) رجسٹر ہو گئی، فنگر پرنٹ {fingerprint}۔</translation>
    </message>
    <message>
        <location filename="../../sync/cli.py" line="151"/>
        <source>{file} comes from device &apos;{device}&apos; of {district}, which this centre has not enrolled. Phone the district office and ask them to read out the fingerprint on their Export screen; then enroll the device with `devices enroll {path} --fingerprint` followed by what they read, and import the bundle again.</source>
        <translation>{file} ضلع {district} کی ڈیوائس &apos;{device}&apos; سے آیا ہے، جو اس مرکز میں رجسٹر نہیں۔ ضلعی دفتر کو فون کریں اور ان سے کہیں کہ اپنی &quot;برآمد&quot; والی اسکرین پر دکھایا گیا فنگر پرنٹ پڑھ کر سنائیں؛ پھر `devices enroll {path} --fingerprint` کے بعد وہ لکھ کر جو انہوں نے پڑھا، ڈیوائس رجسٹر کریں اور بنڈل دوبارہ درآمد کریں۔</translation>
    </message>
</context>
<context>
    <name>next_steps</name>
    <message>
        <location filename="../../storage/entry.py" line="386"/>
        <source>{institution}: {count} of {total} indicators not entered for {period}</source>
        <translation>{institution}: {period} کے لیے {total} میں سے {count} اشاریے درج نہیں ہوئے</translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="387"/>
        <source>{institution}: {count} of {total} indicators partly entered for {period}</source>
        <translation>{institution}: {period} کے لیے {total} میں سے {count} اشاریے جزوی طور پر درج ہوئے</translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="388"/>
        <source>{institution} {period} is fully entered: mark it complete</source>
        <translation>{institution} {period} کا اندراج پورا ہو گیا ہے: اسے مکمل قرار دیں</translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="389"/>
        <source>{count} open desk cases have a follow-up date on or before {date}</source>
        <translation>{count} کھلے ڈیسک کیسوں کی فالو اپ تاریخ {date} یا اس سے پہلے ہے</translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="390"/>
        <source>Bundle {sequence} ({file}, made {made}) is not yet acknowledged by the centre</source>
        <translation>مرکز نے ابھی تک بنڈل {sequence} ({file}، بنایا گیا {made}) کی وصولی کی تصدیق نہیں کی</translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="392"/>
        <source>No bundle has been sent to the centre yet</source>
        <translation>ابھی تک مرکز کو کوئی بنڈل نہیں بھیجا گیا</translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="393"/>
        <source>Unusual figures (warnings) in the last two months: {count}. Check them and their comments</source>
        <translation>پچھلے دو مہینوں میں غیر معمولی اعداد (انتباہ): {count}۔ انہیں اور ان پر لکھے گئے تبصرے جانچیں</translation>
    </message>
    <message>
        <source>Figures saved to check later: {count}. Correct them or add a comment saying why they are right</source>
        <translation>بعد میں جانچنے کے لیے محفوظ کیے گئے اعداد: {count}۔ انہیں درست کریں یا تبصرہ لکھیں کہ یہ کیوں درست ہیں</translation>
    </message>
    <message>
        <source>The centre returned {institution} {period}: {reason}</source>
        <translation>مرکز نے {institution} {period} واپس کیا: {reason}</translation>
    </message>
</context>
<context>
    <name>plan</name>
    <message>
        <source>not started</source>
        <translation>شروع نہیں ہوئی</translation>
    </message>
    <message>
        <source>on track</source>
        <translation>درست سمت میں</translation>
    </message>
    <message>
        <source>delayed</source>
        <translation>تاخیر کا شکار</translation>
    </message>
    <message>
        <source>done</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>ترک</translation>
    </message>
</context>
<context>
    <name>records</name>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="35"/>
        <source>Indicator value</source>
        <translation>اشاریے کی قدر</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="36"/>
        <source>Target</source>
        <translation>ہدف</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="37"/>
        <source>Data set completion</source>
        <translation>ڈیٹا سیٹ کی تکمیل</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="38"/>
        <source>Desk case</source>
        <translation>ڈیسک کیس</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="39"/>
        <source>Perpetrator</source>
        <translation>ملزم</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="40"/>
        <source>Service</source>
        <translation>خدمت</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="41"/>
        <source>PKM request</source>
        <translation>پولیس خدمت مرکز کی درخواست</translation>
    </message>
    <message>
        <location filename="../../gui/screens/review_screen.py" line="42"/>
        <source>Desk</source>
        <translation>ڈیسک</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <source>Age unknown</source>
        <translation>عمر نامعلوم</translation>
    </message>
    <message>
        <source>{department}: objectives and outputs</source>
        <translation>{department}: مقاصد اور آؤٹ پٹ</translation>
    </message>
    <message>
        <source>objective title</source>
        <translation>مقصد کا عنوان</translation>
    </message>
    <message>
        <source>output title</source>
        <translation>آؤٹ پٹ کا عنوان</translation>
    </message>
    <message>
        <source>partner</source>
        <translation>شراکت دار</translation>
    </message>
    <message>
        <source>indicators</source>
        <translation>اشاریے</translation>
    </message>
    <message>
        <source>Linked indicators without a figure for the quarter: {codes}.</source>
        <translation>منسلک اشاریے جن کا اس سہ ماہی کا کوئی عدد نہیں: {codes}۔</translation>
    </message>
    <message>
        <source>Clients by GBV core type and month</source>
        <translation>تشدد کی بنیادی قسم اور مہینے کے لحاظ سے متاثرہ افراد</translation>
    </message>
    <message>
        <source>Departments: data and approval</source>
        <translation>محکمے: ڈیٹا اور منظوری</translation>
    </message>
    <message>
        <source>department</source>
        <translation>محکمہ</translation>
    </message>
    <message>
        <source>data sets</source>
        <translation>ڈیٹا سیٹ</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>جمع کرائے گئے</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>منظور شدہ</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>واپس کیے گئے</translation>
    </message>
    <message>
        <source>complete %</source>
        <translation>مکمل ٪</translation>
    </message>
    <message>
        <source>objective</source>
        <translation>مقصد</translation>
    </message>
    <message>
        <source>output</source>
        <translation>آؤٹ پٹ</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>ابتدائی قدر</translation>
    </message>
    <message>
        <source>baseline year</source>
        <translation>ابتدائی قدر کا سال</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>سہ ماہی</translation>
    </message>
    <message>
        <source>year to date</source>
        <translation>سال میں اب تک</translation>
    </message>
    <message>
        <source>expected to date</source>
        <translation>اب تک متوقع</translation>
    </message>
    <message>
        <source>last four quarters</source>
        <translation>پچھلی چار سہ ماہیاں</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>سرگرمی</translation>
    </message>
    <message>
        <source>title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>due</source>
        <translation>مقررہ تاریخ</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>فیصد</translation>
    </message>
    <message>
        <source>days late</source>
        <translation>تاخیر کے دن</translation>
    </message>
    <message>
        <source>before</source>
        <translation>پہلے</translation>
    </message>
    <message>
        <source>now</source>
        <translation>اب</translation>
    </message>
    <message>
        <source>women</source>
        <translation>خواتین</translation>
    </message>
    <message>
        <source>total</source>
        <translation>کل</translation>
    </message>
    <message>
        <source>women %</source>
        <translation>خواتین ٪</translation>
    </message>
    <message>
        <source>Women&apos;s share of each figure counted by sex</source>
        <translation>جنس کے لحاظ سے شمار ہر عدد میں خواتین کا حصہ</translation>
    </message>
    <message>
        <source>Steering Committee pack, {quarter}</source>
        <translation>اسٹیئرنگ کمیٹی پیک، {quarter}</translation>
    </message>
    <message>
        <source>{department}: results</source>
        <translation>{department}: نتائج</translation>
    </message>
    <message>
        <source>{department}: activities</source>
        <translation>{department}: سرگرمیاں</translation>
    </message>
    <message>
        <source>{department}: changed since the last quarter</source>
        <translation>{department}: پچھلی سہ ماہی کے بعد تبدیلیاں</translation>
    </message>
    <message>
        <source>from desk records: see the gender desk tables</source>
        <translation>ڈیسک ریکارڈ سے: جینڈر ڈیسک کے جدول دیکھیں</translation>
    </message>
    <message>
        <source>Figures are the province&apos;s: flows add up over districts and periods, stock figures are the last period&apos;s, percents and ratios are recomputed from the summed numerators and denominators.</source>
        <translation>اعداد و شمار صوبے کے ہیں: بہاؤ اضلاع اور مدتوں میں جمع ہوتے ہیں، ذخیرہ اعداد آخری مدت کے ہوتے ہیں، فیصد اور تناسب جمع شدہ شمار کنندہ اور نسب نما سے دوبارہ نکالے جاتے ہیں۔</translation>
    </message>
    <message>
        <source>Status: the year-to-date figure against the Action Plan&apos;s provincial target for {year}, pro-rated for flows to the periods ended; where lower is better, target / figure.</source>
        <translation>کیفیت: سال میں اب تک کا عدد، ایکشن پلان کے {year} کے صوبائی ہدف کے مقابلے میں، بہاؤ کے لیے گزری مدتوں کے تناسب سے؛ جہاں کم بہتر ہو، ہدف / عدد۔</translation>
    </message>
    <message>
        <source>Days late: days past an activity&apos;s due date while it is neither done nor dropped. Changes: activities whose status or percent differ from what was reported by {day}.</source>
        <translation>تاخیر کے دن: سرگرمی کی مقررہ تاریخ کے بعد کے دن، جب تک وہ مکمل یا ترک نہ ہو۔ تبدیلیاں: وہ سرگرمیاں جن کی کیفیت یا فیصد {day} تک کی رپورٹ سے مختلف ہے۔</translation>
    </message>
    <message>
        <source>{count} period figures in the year to date come from data sets the centre has not approved yet.</source>
        <translation>سال میں اب تک کے {count} مدتی اعداد ان ڈیٹا سیٹس سے ہیں جنہیں مرکز نے ابھی منظور نہیں کیا۔</translation>
    </message>
    <message>
        <source>All districts: the province&apos;s figure against the Action Plan&apos;s provincial target for {year} (results framework), pro-rated and judged as a district&apos;s.</source>
        <translation>تمام اضلاع: صوبے کا عدد {year} کے لیے ایکشن پلان کے صوبائی ہدف (نتائج کا فریم ورک) کے مقابلے میں، تناسب سے اور ضلع کی طرح جانچا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="66"/>
        <source>All districts</source>
        <translation>تمام اضلاع</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="66"/>
        <source>on track</source>
        <translation>درست سمت میں</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="67"/>
        <source>at risk</source>
        <translation>خطرے میں</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="67"/>
        <source>off track</source>
        <translation>ہدف سے پیچھے</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="68"/>
        <source>not judged</source>
        <translation>جانچ ممکن نہیں</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="68"/>
        <source>Headline indicators</source>
        <translation>بنیادی اشاریے</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="69"/>
        <source>Districts and institutions</source>
        <translation>اضلاع اور ادارے</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="69"/>
        <source>Every indicator</source>
        <translation>تمام اشاریے</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="70"/>
        <source>Clients by GBV core type</source>
        <translation>تشدد کی بنیادی قسم کے لحاظ سے متاثرہ افراد</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="71"/>
        <source>Clients by GBV core type and sex</source>
        <translation>تشدد کی بنیادی قسم اور جنس کے لحاظ سے متاثرہ افراد</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="72"/>
        <source>Clients by GBV core type and age group</source>
        <translation>تشدد کی بنیادی قسم اور عمر کے گروپ کے لحاظ سے متاثرہ افراد</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="73"/>
        <source>Clients by district and month</source>
        <translation>ضلع اور مہینے کے لحاظ سے متاثرہ افراد</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="74"/>
        <source>Reporting time (report date minus incident date)</source>
        <translation>رپورٹ کرنے میں لگا وقت (واقعے کی تاریخ سے رپورٹ کی تاریخ تک)</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="75"/>
        <source>Referral rate by district</source>
        <translation>ضلع وار ریفرل کی شرح</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="76"/>
        <source>Completeness % by district and institution</source>
        <translation>ضلع اور ادارے کے لحاظ سے تکمیل %</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="77"/>
        <source>Completeness and timeliness</source>
        <translation>تکمیل اور بروقت اندراج</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="78"/>
        <source>indicator</source>
        <translation>اشاریہ</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="78"/>
        <source>name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>اکائی</translation>
    </message>
    <message>
        <source>periods</source>
        <translation>مدتیں</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="79"/>
        <source>district</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>district name</source>
        <translation>ضلع کا نام</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="79"/>
        <source>institution</source>
        <translation>ادارہ</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="80"/>
        <source>figure</source>
        <translation>عدد</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="80"/>
        <source>numerator</source>
        <translation>شمار کنندہ</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="81"/>
        <source>denominator</source>
        <translation>نسب نما</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="81"/>
        <source>target</source>
        <translation>ہدف</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="82"/>
        <source>expected</source>
        <translation>متوقع</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="82"/>
        <source>achievement %</source>
        <translation>حصول %</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="83"/>
        <source>status</source>
        <translation>حیثیت</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="83"/>
        <source>GBV core type</source>
        <translation>تشدد کی بنیادی قسم</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="84"/>
        <source>clients</source>
        <translation>متاثرہ افراد</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="84"/>
        <source>referred</source>
        <translation>ریفر کیے گئے</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="85"/>
        <source>referral rate %</source>
        <translation>ریفرل کی شرح %</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="85"/>
        <source>reporting time</source>
        <translation>رپورٹ کرنے میں لگا وقت</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="86"/>
        <source>sheets</source>
        <translation>شیٹس</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="86"/>
        <source>entered</source>
        <translation>درج شدہ</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="87"/>
        <source>completeness %</source>
        <translation>تکمیل %</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="87"/>
        <source>expected by now</source>
        <translation>اب تک متوقع</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="88"/>
        <source>entered on time</source>
        <translation>بروقت درج شدہ</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="88"/>
        <source>timeliness %</source>
        <translation>بروقت اندراج %</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="89"/>
        <source>sheets marked complete</source>
        <translation>مکمل قرار دی گئی شیٹس</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="89"/>
        <source>unknown</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="460"/>
        <source>Progress against targets, {span}</source>
        <translation>اہداف کے مقابلے میں پیش رفت، {span}</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="470"/>
        <source>Flows add up over the periods; stock figures (prison population, pending cases) are the last period&apos;s; percents and ratios are recomputed from the summed numerators and denominators.</source>
        <translation>بہاؤ والے اعداد (مثلاً درج ایف آئی آرز) مدتوں میں جمع کیے جاتے ہیں؛ موجودہ تعداد والے اعداد (قیدیوں کی تعداد، زیر التوا مقدمات) آخری مدت کے لیے جاتے ہیں؛ فیصد اور تناسب جمع شدہ شمار کنندہ اور نسب نما سے دوبارہ نکالے جاتے ہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="471"/>
        <source>Status: the figure against the target, pro-rated for flows to the periods ended ({span}). On track from {on_track:.0%}, at risk from {at_risk:.0%}, off track below; where lower is better, target / figure. A district and institution&apos;s status is that of its median indicator.</source>
        <translation>حیثیت: عدد کا ہدف سے موازنہ؛ بہاؤ والے اعداد کا ہدف گزری ہوئی مدتوں ({span}) کے تناسب سے لیا جاتا ہے۔ {on_track:.0%} سے &quot;درست سمت میں&quot;، {at_risk:.0%} سے &quot;خطرے میں&quot;، اس سے کم &quot;ہدف سے پیچھے&quot;؛ جہاں کم عدد بہتر ہو وہاں ہدف / عدد۔ کسی ضلع اور ادارے کی حیثیت اس کے درمیانی (میڈین) اشاریے کی حیثیت ہوتی ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="475"/>
        <source>No figures are stored for {span}.</source>
        <translation>{span} کے لیے کوئی اعداد و شمار محفوظ نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="477"/>
        <source>Desk indicators POL-09 to POL-11 count live desk cases whose clients consented to sharing non-identifiable data for reporting, at a district as at the centre. Counts from 1 to {largest}, and figures from which one could be worked out, read &apos;{suppressed}&apos; ({hidden} cell(s) hidden in this report).</source>
        <translation>ڈیسک کے اشاریے POL-09 تا POL-11 صرف اُن موجود (حذف نہ شدہ) ڈیسک کیسوں کو شمار کرتے ہیں جن کے متاثرہ افراد نے رپورٹنگ کے لیے غیر شناختی معلومات شیئر کرنے کی رضامندی دی ہو، ضلع میں بھی اور مرکز میں بھی۔ 1 سے {largest} تک کی تعداد، اور وہ اعداد جن سے ایسی کوئی تعداد نکالی جا سکے، &apos;{suppressed}&apos; لکھے جاتے ہیں (اس رپورٹ میں چھپائے گئے خانے: {hidden})۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="531"/>
        <source>Trend, {span}</source>
        <translation>رجحان، {span}</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="537"/>
        <source>{code} is {frequency}: no whole {frequency} period in {span}.</source>
        <translation>{code} کی رپورٹنگ {frequency} ہوتی ہے: {span} میں کوئی مکمل {frequency} مدت نہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="547"/>
        <source>Each period&apos;s own figure; at the centre &apos;All districts&apos; adds the districts up (percents and ratios from the summed numerators and denominators).</source>
        <translation>ہر مدت کا اپنا عدد؛ مرکز میں &apos;تمام اضلاع&apos; سب اضلاع کا مجموعہ ہے (فیصد اور تناسب جمع شدہ شمار کنندہ اور نسب نما سے)۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="643"/>
        <source>Gender facilitation desks, {span}</source>
        <translation>جینڈر سہولت ڈیسک، {span}</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="659"/>
        <source>Only cases whose clients consented to sharing non-identifiable data for reporting, and that are not deleted, are counted; no identifying details are read.</source>
        <translation>صرف وہ کیس گنے جاتے ہیں جن کے متاثرہ افراد نے رپورٹنگ کے لیے شناخت سے پاک ڈیٹا شیئر کرنے کی رضامندی دی اور جو حذف نہیں کیے گئے؛ کوئی شناختی تفصیل نہیں پڑھی جاتی۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="660"/>
        <source>Counts from 1 to {largest} read &apos;{suppressed}&apos;, and so does every cell from which one could be worked out with the other cells and totals of this report, whatever its own count ({hidden} cell(s) hidden in this report).</source>
        <translation>1 سے {largest} تک کی تعداد &apos;{suppressed}&apos; لکھی جاتی ہے، اور ہر وہ خانہ بھی، خواہ اس کی اپنی تعداد کچھ بھی ہو، جس سے اس رپورٹ کے دوسرے خانوں اور میزان کی مدد سے ایسی کوئی تعداد نکالی جا سکتی ہو (اس رپورٹ میں چھپائے گئے خانے: {hidden})۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="662"/>
        <source>Referral rate: clients referred to at least one service, as indicator POL-10.</source>
        <translation>ریفرل کی شرح: کم از کم ایک خدمت کے لیے ریفر کیے گئے متاثرہ افراد، جیسا کہ اشاریہ POL-10 میں۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="665"/>
        <source>No consented desk cases were reported in {span}.</source>
        <translation>{span} میں رضامندی والا کوئی ڈیسک کیس رپورٹ نہیں ہوا۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="759"/>
        <source>Reporting completeness and timeliness, {span}</source>
        <translation>رپورٹنگ کی تکمیل اور بروقت اندراج، {span}</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="770"/>
        <source>Completeness: cells entered / cells expected on the monthly entry sheets of the span&apos;s ended months (a sheet also carries the quarter&apos;s and year&apos;s indicators it closes; cells of a percent whose denominator is 0 are not expected).</source>
        <translation>تکمیل: اس عرصے کے گزرے ہوئے مہینوں کی ماہانہ اندراج شیٹس پر درج شدہ خانے / متوقع خانے (ہر شیٹ میں وہ سہ ماہی اور سالانہ اشاریے بھی شامل ہوتے ہیں جن کی مدت اس مہینے ختم ہوتی ہے؛ جس فیصد کا نسب نما 0 ہو اس کے خانے متوقع نہیں سمجھے جاتے)۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="771"/>
        <source>Timeliness: cells entered by the deadline, {days} days after the sheet&apos;s month ends (the 10th of the next month), over the cells expected on sheets whose deadline has passed. A cell corrected after the deadline counts as late.</source>
        <translation>بروقت اندراج: آخری تاریخ تک، یعنی شیٹ کا مہینہ ختم ہونے کے {days} دن بعد تک (اگلے مہینے کی 10 تاریخ)، درج کیے گئے خانے، تقسیم اُن شیٹس کے متوقع خانوں پر جن کی آخری تاریخ گزر چکی ہے۔ آخری تاریخ کے بعد درست کیا گیا خانہ تاخیر سے درج شمار ہوتا ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/reports.py" line="773"/>
        <source>Status: complete on track, from {at_risk:.0%} at risk, below off track.</source>
        <translation>حیثیت: مکمل ہو تو &quot;درست سمت میں&quot;، {at_risk:.0%} سے &quot;خطرے میں&quot;، اس سے کم &quot;ہدف سے پیچھے&quot;۔</translation>
    </message>
    <message>
        <source>Data sets and their approval</source>
        <translation>ڈیٹا سیٹ اور ان کی منظوری</translation>
    </message>
    <message>
        <source>period</source>
        <translation>مدت</translation>
    </message>
    <message>
        <source>state</source>
        <translation>حالت</translation>
    </message>
    <message>
        <source>decided by</source>
        <translation>فیصلہ کنندہ</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>Approved data sets only: figures of data sets the centre has not approved are left out, and so are the desk indicators, which are counted from case records rather than approved.</source>
        <translation>صرف منظور شدہ ڈیٹا سیٹ: جن ڈیٹا سیٹس کو مرکز نے منظور نہیں کیا ان کے اعداد شامل نہیں، اور ڈیسک کے اشاریے بھی نہیں، جو منظوری کے بجائے کیس ریکارڈز سے گنے جاتے ہیں۔</translation>
    </message>
    <message>
        <source>Unapproved: how many of the periods in a figure come from data sets the centre has not approved yet.</source>
        <translation>غیر منظور شدہ: کسی عدد کی کتنی مدتیں ایسے ڈیٹا سیٹس سے ہیں جنہیں مرکز نے ابھی منظور نہیں کیا۔</translation>
    </message>
    <message>
        <source>unapproved</source>
        <translation>غیر منظور شدہ</translation>
    </message>
    <message>
        <source>province</source>
        <translation>صوبہ</translation>
    </message>
    <message>
        <source>province name</source>
        <translation>صوبے کا نام</translation>
    </message>
    <message>
        <source>division</source>
        <translation>ڈویژن</translation>
    </message>
    <message>
        <source>division name</source>
        <translation>ڈویژن کا نام</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>ڈیسک</translation>
    </message>
    <message>
        <source>desk name</source>
        <translation>ڈیسک کا نام</translation>
    </message>
    <message>
        <source>All desks</source>
        <translation>تمام ڈیسک</translation>
    </message>
    <message>
        <source>Balochistan</source>
        <translation>بلوچستان</translation>
    </message>
    <message>
        <source>Clients by province and month</source>
        <translation>صوبے اور مہینے کے لحاظ سے متاثرہ افراد</translation>
    </message>
    <message>
        <source>Clients by division and month</source>
        <translation>ڈویژن اور مہینے کے لحاظ سے متاثرہ افراد</translation>
    </message>
    <message>
        <source>Clients by desk and month</source>
        <translation>ڈیسک اور مہینے کے لحاظ سے متاثرہ افراد</translation>
    </message>
    <message>
        <source>Referral rate by province</source>
        <translation>صوبہ وار ریفرل کی شرح</translation>
    </message>
    <message>
        <source>Referral rate by division</source>
        <translation>ڈویژن وار ریفرل کی شرح</translation>
    </message>
    <message>
        <source>Referral rate by desk</source>
        <translation>ڈیسک وار ریفرل کی شرح</translation>
    </message>
    <message>
        <source>Province level: every district added up by the same rules: flows and counts add, a stock figure adds each district&apos;s last figure in the span, percents and ratios are recomputed from the summed numerators and denominators. A count&apos;s target is its districts&apos; targets added up when every one has a target; percents, ratios and days have none above the district. &apos;Periods&apos; counts the districts&apos; figures added in.</source>
        <translation>صوبائی سطح: تمام اضلاع انہی اصولوں سے جمع کیے گئے ہیں: بہاؤ اور تعداد جمع ہوتے ہیں، ذخیرہ (اسٹاک) عدد ہر ضلع کے اس عرصے کے آخری عدد کا مجموعہ ہے، فیصد اور تناسب جمع شدہ شمار کنندہ اور نسب نما سے دوبارہ نکالے جاتے ہیں۔ کسی تعداد کا ہدف اس کے اضلاع کے اہداف کا مجموعہ ہے جب ہر ضلع کا ہدف موجود ہو؛ فیصد، تناسب اور دنوں کا ضلع سے اوپر کوئی ہدف نہیں۔ &apos;Periods&apos; جمع کیے گئے ضلعی اعداد کی گنتی ہے۔</translation>
    </message>
    <message>
        <source>Division level: each division&apos;s districts added up by the same rules: flows and counts add, a stock figure adds each district&apos;s last figure in the span, percents and ratios are recomputed from the summed numerators and denominators. A count&apos;s target is its districts&apos; targets added up when every one has a target; percents, ratios and days have none above the district. &apos;Periods&apos; counts the districts&apos; figures added in.</source>
        <translation>ڈویژن کی سطح: ہر ڈویژن کے اضلاع انہی اصولوں سے جمع کیے گئے ہیں: بہاؤ اور تعداد جمع ہوتے ہیں، ذخیرہ (اسٹاک) عدد ہر ضلع کے اس عرصے کے آخری عدد کا مجموعہ ہے، فیصد اور تناسب جمع شدہ شمار کنندہ اور نسب نما سے دوبارہ نکالے جاتے ہیں۔ کسی تعداد کا ہدف اس کے اضلاع کے اہداف کا مجموعہ ہے جب ہر ضلع کا ہدف موجود ہو؛ فیصد، تناسب اور دنوں کا ضلع سے اوپر کوئی ہدف نہیں۔ &apos;Periods&apos; جمع کیے گئے ضلعی اعداد کی گنتی ہے۔</translation>
    </message>
    <message>
        <source>Desk level: the desk indicators (POL-09 to POL-13), counted from each desk&apos;s own records, with a row per district adding its desks up (&apos;All desks&apos;). Every other indicator is typed in per district and has no desk breakdown: see it at the district level. Desks have no targets.</source>
        <translation>ڈیسک کی سطح: ڈیسک کے اشاریے (POL-09 تا POL-13)، ہر ڈیسک کے اپنے ریکارڈ سے شمار کیے گئے، اور ہر ضلع کی ایک قطار جو اس کے ڈیسک جمع کرتی ہے (&apos;All desks&apos;)۔ باقی ہر اشاریہ ضلع وار درج ہوتا ہے اور اس کی ڈیسک وار تقسیم نہیں: اسے ضلع کی سطح پر دیکھیں۔ ڈیسک کے کوئی اہداف نہیں۔</translation>
    </message>
    <message>
        <source>Desk {desk} closed on {date}: its records after that date are not counted, at any level.</source>
        <translation>ڈیسک {desk} {date} کو بند ہوا: اس تاریخ کے بعد کے اس کے ریکارڈ کسی بھی سطح پر شمار نہیں ہوتے۔</translation>
    </message>
    <message>
        <source>{code} is typed in per district: it has no desk breakdown (see it at the district level).</source>
        <translation>{code} ضلع وار درج ہوتا ہے: اس کی ڈیسک وار تقسیم نہیں (اسے ضلع کی سطح پر دیکھیں)۔</translation>
    </message>
    <message>
        <source>Desk level: each desk&apos;s own cases, every desk of the districts side by side.</source>
        <translation>ڈیسک کی سطح: ہر ڈیسک کے اپنے کیس، اضلاع کے تمام ڈیسک ساتھ ساتھ۔</translation>
    </message>
    <message>
        <source>Completeness has no desk breakdown: the entry sheets are per district, so its rows are districts at the desk level too.</source>
        <translation>تکمیل کی ڈیسک وار تقسیم نہیں: اندراج شیٹس ضلع وار ہیں، اس لیے ڈیسک کی سطح پر بھی اس کی قطاریں اضلاع ہیں۔</translation>
    </message>
    <message>
        <source>{level} level: each unit&apos;s districts&apos; cells added up, then completeness and timeliness taken from the sums. Data sets and their approval stay per district.</source>
        <translation>{level} کی سطح: ہر اکائی کے اضلاع کے خانے جمع کیے گئے، پھر تکمیل اور بروقت اندراج ان مجموعوں سے نکالے گئے۔ ڈیٹا سیٹ اور ان کی منظوری ضلع وار رہتے ہیں۔</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../storage/database.py" line="36"/>
        <source>operator</source>
        <translation>آپریٹر</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="37"/>
        <source>supervisor</source>
        <translation>نگران</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="38"/>
        <source>clerk</source>
        <translation>کلرک</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="39"/>
        <source>admin</source>
        <translation>منتظم</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="42"/>
        <source>district</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <location filename="../../storage/database.py" line="43"/>
        <source>centre</source>
        <translation>مرکز</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>The record says it was entered under catalogue {value}, which this centre never issued. It was kept aside for review.</source>
        <translation>ریکارڈ کے مطابق یہ کیٹلاگ {value} کے تحت درج کیا گیا، جو اس مرکز نے کبھی جاری نہیں کیا۔ اسے جائزے کے لیے الگ رکھ دیا گیا۔</translation>
    </message>
    <message>
        <source>The results framework has several sheets; {value} holds one. Save it as an Excel workbook (.xlsx) or .ods, starting from `plan template`.</source>
        <translation>نتائج کے فریم ورک میں کئی شیٹس ہیں؛ {value} میں ایک ہے۔ اسے `plan template` سے شروع کر کے ایکسل ورک بک (.xlsx) یا .ods کے طور پر محفوظ کریں۔</translation>
    </message>
    <message>
        <source>The workbook has no sheet called {value}. It needs the sheets {expected}; start from `plan template`.</source>
        <translation>ورک بک میں {value} نام کی کوئی شیٹ نہیں۔ اسے {expected} شیٹس چاہییں؛ `plan template` سے شروع کریں۔</translation>
    </message>
    <message>
        <source>The sheet {value} has no rows. A results framework needs at least one objective, one output and one activity.</source>
        <translation>شیٹ {value} میں کوئی قطار نہیں۔ نتائج کے فریم ورک میں کم از کم ایک مقصد، ایک آؤٹ پٹ اور ایک سرگرمی ہونی چاہیے۔</translation>
    </message>
    <message>
        <source>The {field} is empty. Fill it in.</source>
        <translation>{field} خالی ہے۔ اسے بھریں۔</translation>
    </message>
    <message>
        <source>The code &apos;{value}&apos; is not a framework code. Use letters, digits, dots and dashes only, at most {limit} characters, e.g. A1.2.</source>
        <translation>کوڈ &apos;{value}&apos; فریم ورک کا کوڈ نہیں۔ صرف حروف، ہندسے، نقطے اور ڈیش استعمال کریں، زیادہ سے زیادہ {limit} حروف، مثلاً A1.2۔</translation>
    </message>
    <message>
        <source>{value} is already given on sheet {first_sheet}, row {first_row}. Give each one row only.</source>
        <translation>{value} شیٹ {first_sheet} کی قطار {first_row} میں پہلے سے درج ہے۔ ہر ایک کو صرف ایک قطار دیں۔</translation>
    </message>
    <message>
        <source>The {field} &apos;{value}&apos; is not on the {parent_sheet} sheet. Use a code from that sheet.</source>
        <translation>{field} &apos;{value}&apos; شیٹ {parent_sheet} میں نہیں ہے۔ اسی شیٹ کا کوئی کوڈ استعمال کریں۔</translation>
    </message>
    <message>
        <source>The department &apos;{value}&apos; is not an institution of the catalogue. Use one of: {choices}.</source>
        <translation>محکمہ &apos;{value}&apos; کیٹلاگ کا کوئی ادارہ نہیں۔ ان میں سے ایک استعمال کریں: {choices}۔</translation>
    </message>
    <message>
        <source>{value} is due on {due}, before it starts on {start}. Correct one of the dates.</source>
        <translation>{value} کی آخری تاریخ {due} ہے، جو اس کے آغاز {start} سے پہلے ہے۔ کسی ایک تاریخ کو درست کریں۔</translation>
    </message>
    <message>
        <source>The {field} is {length} characters long; at most {limit} fit. Shorten it.</source>
        <translation>{field} {length} حروف لمبا ہے؛ زیادہ سے زیادہ {limit} کی گنجائش ہے۔ اسے مختصر کریں۔</translation>
    </message>
    <message>
        <source>The baseline of {indicator} needs both its value and its year; give both, or neither.</source>
        <translation>{indicator} کی بنیادی سطح کے لیے قدر اور سال دونوں چاہییں؛ دونوں دیں، یا کوئی بھی نہیں۔</translation>
    </message>
    <message>
        <source>The {field} &apos;{value}&apos; is not a year from {first} to {last}. Write it like 2024.</source>
        <translation>{field} &apos;{value}&apos; سال {first} سے {last} تک کا کوئی سال نہیں۔ اسے 2024 کی طرح لکھیں۔</translation>
    </message>
    <message>
        <source>{value} has a provincial target but is not on the indicators sheet. Link it to an output there, or leave its target out.</source>
        <translation>{value} کا صوبائی ہدف ہے مگر یہ اشاریوں کی شیٹ پر نہیں۔ وہاں اسے کسی آؤٹ پٹ سے جوڑیں، یا اس کا ہدف نکال دیں۔</translation>
    </message>
    <message>
        <source>Activity {value} is not in the new framework; its {count} progress report(s) stay in the history.</source>
        <translation>سرگرمی {value} نئے فریم ورک میں نہیں؛ اس کی {count} پیش رفت رپورٹیں تاریخچے میں محفوظ رہیں گی۔</translation>
    </message>
    <message>
        <source>Activity &apos;{value}&apos; is not in the results framework. Use a code that `plan show` lists.</source>
        <translation>سرگرمی &apos;{value}&apos; نتائج کے فریم ورک میں نہیں۔ وہ کوڈ استعمال کریں جو `plan show` دکھاتا ہے۔</translation>
    </message>
    <message>
        <source>The percent done &apos;{value}&apos; is not a number from 0 to 100. Write it like 40.</source>
        <translation>مکمل فیصد &apos;{value}&apos; صفر سے 100 تک کا عدد نہیں۔ اسے 40 کی طرح لکھیں۔</translation>
    </message>
    <message>
        <source>An activity that is done is 100% done, not {value}%. Give 100, or choose another status.</source>
        <translation>مکمل سرگرمی 100% مکمل ہوتی ہے، {value}% نہیں۔ 100 دیں، یا کوئی اور حیثیت چنیں۔</translation>
    </message>
    <message>
        <source>An activity marked {status} needs evidence: say what shows it (a notification, a report, a visit).</source>
        <translation>جس سرگرمی کی حیثیت {status} ہو اس کے لیے ثبوت چاہیے: بتائیں کہ اسے کیا ظاہر کرتا ہے (نوٹیفکیشن، رپورٹ، دورہ)۔</translation>
    </message>
    <message>
        <source>Activity {activity} already has progress as of {last}; {value} is earlier. Progress is recorded forward: give a date from {last} on.</source>
        <translation>سرگرمی {activity} کی پیش رفت {last} تک درج ہے؛ {value} اس سے پہلے ہے۔ پیش رفت آگے کی طرف درج ہوتی ہے: {last} یا اس کے بعد کی تاریخ دیں۔</translation>
    </message>
    <message>
        <source>The case is not closed but has the closing reason &apos;{value}&apos;. Clear the closing reason, or close the case.</source>
        <translation>کیس بند نہیں ہے مگر اس میں کیس بند کرنے کی وجہ &apos;{value}&apos; درج ہے۔ بند کرنے کی وجہ ہٹائیں، یا کیس بند کریں۔</translation>
    </message>
    <message>
        <source>The case is classified as {gbv_type}, not non-GBV, but has the non-GBV complaint &apos;{value}&apos;. Clear the kind of complaint, or check the classification.</source>
        <translation>کیس کی درجہ بندی {gbv_type} ہے، غیر GBV نہیں، مگر اس میں غیر GBV شکایت &apos;{value}&apos; درج ہے۔ شکایت کی قسم ہٹائیں، یا درجہ بندی جانچیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="41"/>
        <source>Indicator &apos;{value}&apos; is not in the catalogue. Use a code such as POL-01, as in the template.</source>
        <translation>اشاریہ &apos;{value}&apos; کیٹلاگ میں نہیں ہے۔ ٹیمپلیٹ کی طرح POL-01 جیسا کوڈ استعمال کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="43"/>
        <source>{indicator} is computed from the desk register and cannot be typed in. Enter desk cases instead.</source>
        <translation>اشاریہ {indicator} ڈیسک رجسٹر سے خود حساب ہوتا ہے، اسے ہاتھ سے درج نہیں کیا جا سکتا۔ اس کے بجائے ڈیسک کیس درج کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="45"/>
        <source>District &apos;{value}&apos; is not known. Use a district code such as QUETTA.</source>
        <translation>ضلع &apos;{value}&apos; معلوم نہیں۔ QUETTA جیسا ضلعی کوڈ استعمال کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="47"/>
        <source>This office enters figures for {own}, not for &apos;{value}&apos;. Correct the district.</source>
        <translation>یہ دفتر {own} کے اعداد و شمار درج کرتا ہے، &apos;{value}&apos; کے نہیں۔ ضلع درست کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="49"/>
        <source>Period &apos;{value}&apos; does not fit {indicator}, which is {frequency}. Write it like {example}.</source>
        <translation>مدت &apos;{value}&apos; اشاریہ {indicator} کے مطابق نہیں، جس کی رپورٹنگ {frequency} ہوتی ہے۔ اسے {example} کی طرح لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="51"/>
        <source>Period {value} has not started yet (today is {today}). Enter figures for past or current periods only.</source>
        <translation>مدت {value} ابھی شروع نہیں ہوئی (آج {today} ہے)۔ صرف گزشتہ یا موجودہ مدت کے اعداد و شمار درج کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="53"/>
        <source>District {district} existed from {validity}; period {value} is outside that. Use the district that covered the area then.</source>
        <translation>ضلع {district} کی مدت {validity} تھی؛ مدت {value} اس سے باہر ہے۔ وہ ضلع استعمال کریں جس میں اس وقت یہ علاقہ شامل تھا۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="55"/>
        <source>{indicator} is reported from {validity}; period {value} is outside that.</source>
        <translation>اشاریہ {indicator} کی رپورٹنگ کی مدت {validity} ہے؛ مدت {value} اس سے باہر ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="57"/>
        <source>The {institution} data set for {district} {value} is marked complete and locked. Ask a supervisor to reopen it.</source>
        <translation>{district} {value} کے لیے {institution} کا ڈیٹا سیٹ مکمل قرار دے کر لاک کر دیا گیا ہے۔ اسے دوبارہ کھلوانے کے لیے نگران سے کہیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="59"/>
        <source>Cell &apos;{value}&apos; is not a cell of {indicator}. Use &apos;total&apos; or one combination of: {categories}.</source>
        <translation>خانہ &apos;{value}&apos; اشاریہ {indicator} کا خانہ نہیں۔ &apos;total&apos; یا ان میں سے ایک امتزاج استعمال کریں: {categories}۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="61"/>
        <source>The {field} &apos;{value}&apos; is not a number. Type digits only, e.g. 12 or 12.5.</source>
        <translation>{field} &apos;{value}&apos; عدد نہیں ہے۔ صرف ہندسے لکھیں، مثلاً 12 یا 12.5</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="63"/>
        <source>{indicator} needs a {needed}; it is empty. Type the figure, or 0 if there were none.</source>
        <translation>اشاریہ {indicator} کے لیے {needed} درکار ہے؛ یہ خالی ہے۔ عدد لکھیں، یا اگر کوئی نہ ہو تو 0 لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="65"/>
        <source>{indicator} counts must be whole numbers of 0 or more; &apos;{value}&apos; is not. Correct the figure.</source>
        <translation>اشاریہ {indicator} کی تعداد 0 یا اس سے زیادہ کا مکمل عدد ہونی چاہیے؛ &apos;{value}&apos; ایسا نہیں ہے۔ عدد درست کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="67"/>
        <source>The {field} of {indicator} cannot be negative (&apos;{value}&apos;). Correct the figure.</source>
        <translation>اشاریہ {indicator} کا {field} منفی نہیں ہو سکتا (&apos;{value}&apos;)۔ عدد درست کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="69"/>
        <source>{indicator} is a {unit}: give the {field}, not a numerator or denominator. Clear the numerator and denominator.</source>
        <translation>اشاریہ {indicator} کی اکائی {unit} ہے: {field} لکھیں، شمار کنندہ یا نسب نما نہیں۔ شمار کنندہ اور نسب نما خالی کر دیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="71"/>
        <source>The denominator of {indicator} ({denominator_name}) must be more than 0; it is &apos;{value}&apos;. Correct it, or leave the row out if there were none.</source>
        <translation>اشاریہ {indicator} کا نسب نما ({denominator_name}) 0 سے زیادہ ہونا چاہیے؛ یہ &apos;{value}&apos; ہے۔ اسے درست کریں، یا اگر کوئی نہ ہو تو یہ قطار نکال دیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="73"/>
        <source>The numerator of {indicator} ({value}) is larger than its denominator ({denominator}); the share cannot exceed 100%. Check both figures.</source>
        <translation>اشاریہ {indicator} کا شمار کنندہ ({value}) اس کے نسب نما ({denominator}) سے بڑا ہے؛ حصہ 100% سے زیادہ نہیں ہو سکتا۔ دونوں اعداد جانچیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="75"/>
        <source>The value &apos;{value}&apos; does not match numerator / denominator = {computed}. Leave the value empty; it is computed.</source>
        <translation>قدر &apos;{value}&apos;، شمار کنندہ / نسب نما = {computed} کے مطابق نہیں۔ قدر خالی چھوڑ دیں؛ یہ خود حساب ہو جاتی ہے۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="77"/>
        <source>The cells of {indicator} for {district} {period} add up to {cell_sum}{quantity} so far, more than the total {total}. Correct the cells or the total.</source>
        <translation>{district} {period} کے لیے اشاریہ {indicator} کے خانوں کا مجموعہ اب تک {cell_sum}{quantity} ہے، جو کل {total} سے زیادہ ہے۔ خانے یا کل درست کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="79"/>
        <source>The cells of {indicator} for {district} {period} add up to {cell_sum}{quantity}, but the total is {total}. Correct the cells or the total.</source>
        <translation>{district} {period} کے لیے اشاریہ {indicator} کے خانوں کا مجموعہ {cell_sum}{quantity} ہے، لیکن کل {total} ہے۔ خانے یا کل درست کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="81"/>
        <source>{indicator} {value} is unusual for {district} ({reason}). Check it; if it is right, add a comment saying why.</source>
        <translation>{district} کے لیے اشاریہ {indicator} کی قدر {value} غیر معمولی ہے ({reason})۔ اسے جانچیں؛ اگر درست ہے تو تبصرے میں وجہ لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="84"/>
        <source>The {field} is required. Fill it in.</source>
        <translation>{field} لازمی ہے۔ اسے بھریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="86"/>
        <source>&apos;{value}&apos; is not a choice for {field}. Choose one of: {choices}.</source>
        <translation>&apos;{value}&apos;، {field} کے لیے دستیاب انتخاب نہیں۔ ان میں سے ایک چنیں: {choices}۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="88"/>
        <source>The {field} &apos;{value}&apos; is not a date. Write it as YYYY-MM-DD, e.g. 2026-10-31.</source>
        <translation>{field} &apos;{value}&apos; تاریخ نہیں ہے۔ اسے YYYY-MM-DD کی شکل میں لکھیں، مثلاً 2026-10-31</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="90"/>
        <source>The report date {value} is in the future (today is {today}). Correct the date.</source>
        <translation>رپورٹ کی تاریخ {value} مستقبل کی ہے (آج {today} ہے)۔ تاریخ درست کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="92"/>
        <source>The incident date {value} is after the report date {report_date}. Correct one of them; leave the incident date empty if it is unknown.</source>
        <translation>واقعے کی تاریخ {value} رپورٹ کی تاریخ {report_date} کے بعد کی ہے۔ ان میں سے ایک درست کریں؛ اگر واقعے کی تاریخ معلوم نہ ہو تو اسے خالی چھوڑ دیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="94"/>
        <source>The client&apos;s age &apos;{value}&apos; must be a whole number from 0 to {highest}. Estimate it and tick &apos;age estimated&apos; if unsure.</source>
        <translation>متاثرہ فرد کی عمر &apos;{value}&apos; 0 سے {highest} تک کا مکمل عدد ہونی چاہیے۔ یقین نہ ہو تو اندازہ لگائیں اور &apos;عمر کا اندازہ لگایا گیا&apos; پر نشان لگائیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="96"/>
        <source>The CNIC &apos;{value}&apos; is not valid. Write 13 digits as 12345-1234567-1 (the first digit 1 to 7).</source>
        <translation>CNIC &apos;{value}&apos; درست نہیں۔ 13 ہندسے اس طرح لکھیں: 12345-1234567-1 (پہلا ہندسہ 1 سے 7 تک)۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="98"/>
        <source>The mobile number &apos;{value}&apos; is not valid. Write it as 03001234567, 0300-1234567 or +923001234567.</source>
        <translation>موبائل نمبر &apos;{value}&apos; درست نہیں۔ اسے 03001234567، 0300-1234567 یا +923001234567 کی طرح لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="100"/>
        <source>The GBV type &apos;{value}&apos; does not follow the classification questions: answered in order, they give &apos;{expected}&apos;. Ask the questions in order and take the first &apos;yes&apos;.</source>
        <translation>تشدد کی قسم &apos;{value}&apos; درجہ بندی کے سوالات کے مطابق نہیں: ترتیب سے جواب دینے پر قسم &apos;{expected}&apos; بنتی ہے۔ سوالات ترتیب سے پوچھیں اور پہلا &apos;ہاں&apos; والا جواب لیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="102"/>
        <source>The classification answers &apos;{value}&apos; are not valid: answer the questions in order with y or n, stopping at the first y.</source>
        <translation>درجہ بندی کے جوابات &apos;{value}&apos; درست نہیں: سوالات کے جواب ترتیب سے y (ہاں) یا n (نہیں) میں دیں، اور پہلے y پر رک جائیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="104"/>
        <source>The service &apos;{value}&apos; is marked &apos;{status}&apos; but has no date. Add the date of the referral or service.</source>
        <translation>خدمت &apos;{value}&apos; کی حیثیت &apos;{status}&apos; درج ہے لیکن تاریخ نہیں۔ ریفرل یا خدمت کی تاریخ درج کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="106"/>
        <source>The service &apos;{value}&apos; is listed twice. Keep one line per service.</source>
        <translation>خدمت &apos;{value}&apos; دو بار درج ہے۔ ہر خدمت کے لیے ایک سطر رکھیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="108"/>
        <source>A closed case needs a closing reason. Choose why the case was closed.</source>
        <translation>بند کیے گئے کیس کے لیے کیس بند کرنے کی وجہ ضروری ہے۔ چنیں کہ کیس کیوں بند کیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="110"/>
        <source>The client&apos;s answer on {field} is not recorded. Ask the client and record yes or no.</source>
        <translation>{field} کے بارے میں متاثرہ فرد کا جواب درج نہیں۔ متاثرہ فرد سے پوچھیں اور ہاں یا نہیں درج کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="112"/>
        <source>The follow-up date {value} is before the report date {report_date}. Correct it.</source>
        <translation>فالو اپ کی تاریخ {value} رپورٹ کی تاریخ {report_date} سے پہلے کی ہے۔ اسے درست کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="114"/>
        <source>The request was completed on {value}, before it was received on {received_date}. Correct the dates.</source>
        <translation>درخواست کی تکمیل کی تاریخ {value} ہے، جو اس کی وصولی کی تاریخ {received_date} سے پہلے ہے۔ تاریخیں درست کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="117"/>
        <source>The target year &apos;{value}&apos; is not a year from {first} to {last}. Write it like 2026.</source>
        <translation>ہدف کا سال &apos;{value}&apos;، {first} سے {last} تک کا کوئی سال نہیں۔ اسے 2026 کی طرح لکھیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="119"/>
        <source>The target of {indicator} is a percent and cannot be more than 100 (&apos;{value}&apos;). Correct the figure.</source>
        <translation>اشاریہ {indicator} کا ہدف فیصد میں ہے اور 100 سے زیادہ نہیں ہو سکتا (&apos;{value}&apos;)۔ عدد درست کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="121"/>
        <source>The file {value} could not be read as {kind} ({reason}). Save it again from Excel as .xlsx, or as CSV choosing &quot;CSV UTF-8&quot;.</source>
        <translation>فائل {value} کو {kind} کے طور پر نہیں پڑھا جا سکا ({reason})۔ اسے ایکسل سے دوبارہ .xlsx کے طور پر محفوظ کریں، یا CSV کے طور پر &quot;CSV UTF-8&quot; چن کر۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="123"/>
        <source>The header row must name the columns {expected}; missing: {missing}. Start from `template`.</source>
        <translation>سرخی کی قطار میں کالموں کے نام {expected} ہونے چاہئیں؛ غائب: {missing}۔ `template` سے شروع کریں۔</translation>
    </message>
    <message>
        <source>{indicator} is entered at the provincial centre, not at a district office. Leave it out; the centre enters it for every district.</source>
        <translation>{indicator} صوبائی مرکز میں درج کیا جاتا ہے، ضلعی دفتر میں نہیں۔ اسے چھوڑ دیں؛ مرکز اسے ہر ضلع کے لیے درج کرتا ہے۔</translation>
    </message>
    <message>
        <source>The file {value} is an old Excel 97-2003 workbook (.xls). In Excel choose File &gt; Save As &gt; Excel Workbook (.xlsx), then load that file.</source>
        <translation>فائل {value} پرانی ایکسل 97-2003 ورک بک (.xls) ہے۔ ایکسل میں File &gt; Save As &gt; Excel Workbook (.xlsx) چنیں، پھر وہ فائل لوڈ کریں۔</translation>
    </message>
    <message>
        <source>The file {value} is not a spreadsheet Mizan reads. Save it as .xlsx, .ods or .csv.</source>
        <translation>فائل {value} ایسی اسپریڈشیٹ نہیں جو میزان پڑھتا ہے۔ اسے .xlsx، .ods یا .csv کے طور پر محفوظ کریں۔</translation>
    </message>
    <message>
        <source>No row among the first {rows} names the columns {expected}. Row 1 reads: {found}. Start from `template`.</source>
        <translation>پہلی {rows} قطاروں میں سے کوئی قطار کالموں {expected} کے نام نہیں رکھتی۔ قطار 1 میں لکھا ہے: {found}۔ `template` سے شروع کریں۔</translation>
    </message>
    <message>
        <source>The period &apos;{value}&apos; was a date in the sheet; it was read as the month {period}.</source>
        <translation>مدت &apos;{value}&apos; شیٹ میں تاریخ تھی؛ اسے مہینہ {period} پڑھا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="125"/>
        <source>This row repeats {value}, already given on row {first_row}. Keep one row per cell.</source>
        <translation>یہ قطار {value} کو دہراتی ہے، جو قطار {first_row} میں پہلے ہی درج ہے۔ ہر خانے کے لیے ایک ہی قطار رکھیں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="128"/>
        <source>The record is not shaped like a Mizan {record_type} record ({value}). It was kept aside for review.</source>
        <translation>یہ ریکارڈ Mizan کے {record_type} ریکارڈ کی شکل میں نہیں ({value})۔ اسے جائزے کے لیے الگ رکھ دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="130"/>
        <source>The record claims to come from device &apos;{value}&apos;, but the bundle was signed by {device}. It was kept aside for review.</source>
        <translation>ریکارڈ کے مطابق یہ ڈیوائس &apos;{value}&apos; سے آیا ہے، لیکن بنڈل پر {device} کے دستخط ہیں۔ اسے جائزے کے لیے الگ رکھ دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="132"/>
        <source>The record is for district &apos;{value}&apos;, but the device is enrolled for {district}. It was kept aside for review.</source>
        <translation>یہ ریکارڈ ضلع &apos;{value}&apos; کا ہے، لیکن ڈیوائس {district} کے لیے رجسٹر ہے۔ اسے جائزے کے لیے الگ رکھ دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="134"/>
        <source>The record belongs to case {value}, which is not at the centre. It was kept aside for review.</source>
        <translation>یہ ریکارڈ کیس {value} کا ہے، جو مرکز میں موجود نہیں۔ اسے جائزے کے لیے الگ رکھ دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="136"/>
        <source>The record clashes with another record already at the centre ({value}). It was kept aside for review.</source>
        <translation>یہ ریکارڈ مرکز میں پہلے سے موجود ایک اور ریکارڈ سے ٹکراتا ہے ({value})۔ اسے جائزے کے لیے الگ رکھ دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="138"/>
        <source>The {field} {value} is in the future (today is {today}). Correct the date.</source>
        <translation>{field} {value} مستقبل کی ہے (آج {today} ہے)۔ تاریخ درست کریں۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="199"/>
        <source>referred</source>
        <translation>ریفر کیا گیا</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="200"/>
        <source>provided</source>
        <translation>یہاں فراہم کی گئی</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="201"/>
        <source>received_elsewhere</source>
        <translation>کہیں اور سے حاصل کی گئی</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="203"/>
        <source> (numerators)</source>
        <translation> (شمار کنندگان)</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="204"/>
        <source> (denominators)</source>
        <translation> (نسب نما)</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="378"/>
        <source>none (use total)</source>
        <translation>کوئی نہیں (&apos;total&apos; استعمال کریں)</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="536"/>
        <source>the last {count} periods&apos; median is {median}; expected {low} to {high}</source>
        <translation>گزشتہ {count} مدتوں کا وسطانیہ {median} ہے؛ متوقع {low} سے {high} تک</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="543"/>
        <source>more than {ratio} times the previous period&apos;s {last}</source>
        <translation>پچھلی مدت کے {last} سے {ratio} گنا سے زیادہ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="545"/>
        <source>under 1/{ratio} of the previous period&apos;s {last}</source>
        <translation>پچھلی مدت کے {last} کے 1/{ratio} سے کم</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="757"/>
        <source>a district code such as QUETTA</source>
        <translation>QUETTA جیسا ضلعی کوڈ</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="138"/>
        <source>The sending PC&apos;s clock read {value} when the record was saved, more than a day ahead of the centre&apos;s ({today}): correct the date on that PC and export again. It was kept aside for review.</source>
        <translation>بھیجنے والے کمپیوٹر کی گھڑی ریکارڈ محفوظ کرتے وقت {value} بتا رہی تھی، جو مرکز کی گھڑی ({today}) سے ایک دن سے زیادہ آگے ہے: اس کمپیوٹر کی تاریخ درست کریں اور دوبارہ برآمد کریں۔ اسے جائزے کے لیے الگ رکھ دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="138"/>
        <source>Record {value} belongs to the PC &apos;{owner}&apos; ({owner_district}); the PC &apos;{device}&apos; ({district}) may not change or delete it. It was kept aside for review.</source>
        <translation>ریکارڈ {value} کمپیوٹر &apos;{owner}&apos; ({owner_district}) کا ہے؛ کمپیوٹر &apos;{device}&apos; ({district}) اسے بدل یا حذف نہیں کر سکتا۔ اسے جائزے کے لیے الگ رکھ دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="140"/>
        <source>Desk {value} belongs to {owner}; a {district} PC may not change it. It was kept aside for review.</source>
        <translation>ڈیسک {value} ضلع {owner} کا ہے؛ {district} کا کمپیوٹر اسے بدل نہیں سکتا۔ اسے جائزے کے لیے الگ رکھ دیا گیا۔</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="140"/>
        <source>Desk {value} belongs to {owner}; a {district} PC may not record cases or requests at it. It was kept aside for review.</source>
        <translation>ڈیسک {value} ضلع {owner} کا ہے؛ {district} کا کمپیوٹر اس ڈیسک پر کیس یا درخواستیں درج نہیں کر سکتا۔ اسے جائزے کے لیے الگ رکھ دیا گیا۔</translation>
    </message>
    <message>
        <source>The target of {indicator} for {district} in {year} was set by the provincial centre. Ask the centre to change it.</source>
        <translation>{district} کے لیے {year} میں {indicator} کا ہدف صوبائی مرکز نے مقرر کیا ہے۔ اسے بدلنے کے لیے مرکز سے کہیں۔</translation>
    </message>
    <message>
        <source>The {institution} data set for {district} {value} was approved on {day} by {name}. Ask the centre to reopen it.</source>
        <translation>{district} {value} کا {institution} ڈیٹا سیٹ {day} کو {name} نے منظور کیا۔ اسے دوبارہ کھولنے کے لیے مرکز سے کہیں۔</translation>
    </message>
    <message>
        <source>This figure conflicts with {others}: {message} ({check}: {comparison}.)</source>
        <translation>یہ عدد {others} سے متصادم ہے: {message} ({check}: {comparison}۔)</translation>
    </message>
    <message>
        <source>This figure conflicts with {others}: {message} ({check}: {comparison}.) If both are right, add a comment saying why.</source>
        <translation>یہ عدد {others} سے متصادم ہے: {message} ({check}: {comparison}۔) اگر دونوں درست ہیں تو وجہ بتاتے ہوئے تبصرہ لکھیں۔</translation>
    </message>
    <message>
        <source>{left} is {left_value}, {right} is {right_value}</source>
        <translation>{left} کی قدر {left_value} ہے، {right} کی قدر {right_value} ہے</translation>
    </message>
    <message>
        <source>{term} (row {rows})</source>
        <translation>{term} (قطار {rows})</translation>
    </message>
</context>
<context>
    <name>units</name>
    <message>
        <location filename="../../storage/validation.py" line="193"/>
        <source>count</source>
        <translation>تعداد</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="193"/>
        <source>percent</source>
        <translation>فیصد</translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="194"/>
        <source>ratio</source>
        <translation>تناسب</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../gui/widgets/messages.py" line="30"/>
        <source>Something went wrong: {error}</source>
        <translation>کچھ غلط ہو گیا: {error}</translation>
    </message>
</context>
<context>
    <name>wizard</name>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="652"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; پیچھے (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="653"/>
        <source>&amp;Next &gt;</source>
        <translation>اگلا (&amp;N) &gt;</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="654"/>
        <source>Cancel</source>
        <translation>منسوخ کریں</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="655"/>
        <source>&amp;Finish</source>
        <translation>مکمل کریں (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/setup_wizard.py" line="656"/>
        <source>&amp;Commit</source>
        <translation>تصدیق کریں (&amp;C)</translation>
    </message>
</context>
<context>
    <name>anchors</name>
    <message>
        <source>bundle {number} was made again with another history (audit entry {entry} instead of {known_entry}): the PC went back to an older copy of its database</source>
        <translation>بنڈل {number} دوبارہ ایک اور تاریخ کے ساتھ بنایا گیا ({known_entry} کی بجائے آڈٹ اندراج {entry}): پی سی اپنے ڈیٹابیس کی ایک پرانی کاپی پر واپس چلا گیا</translation>
    </message>
    <message>
        <source>the audit entries up to {entry}, which bundle {number} showed, have changed since</source>
        <translation>اندراج {entry} تک کے آڈٹ اندراجات، جو بنڈل {number} نے دکھائے تھے، تب سے بدل چکے ہیں</translation>
    </message>
    <message>
        <source>its audit log now ends at entry {entry}, before entry {known_entry} that bundle {number} showed</source>
        <translation>اس کا آڈٹ لاگ اب اندراج {entry} پر ختم ہوتا ہے، اندراج {known_entry} سے پہلے جو بنڈل {number} نے دکھایا تھا</translation>
    </message>
    <message>
        <source>the PC no longer knows its bundle {number}: it went back to an older copy of its database</source>
        <translation>پی سی اب اپنے بنڈل {number} کو نہیں جانتا: وہ اپنے ڈیٹابیس کی ایک پرانی کاپی پر واپس چلا گیا</translation>
    </message>
    <message>
        <source>{detail}; and {more} more</source>
        <translation>{detail}؛ اور {more} مزید</translation>
    </message>
    <message>
        <source>District {district}, PC &apos;{device}&apos;: its audit history was rewritten or rolled back since bundle {since} ({detail}). Its records were imported and checked as usual; ask the district office what happened to the PC and its database.</source>
        <translation>ضلع {district}، پی سی &apos;{device}&apos;: اس کی آڈٹ تاریخ بنڈل {since} کے بعد سے دوبارہ لکھی گئی یا پیچھے لوٹائی گئی ({detail})۔ اس کے ریکارڈ معمول کے مطابق جانچ کر درآمد کیے گئے؛ ضلعی دفتر سے پوچھیں کہ پی سی اور اس کے ڈیٹابیس کے ساتھ کیا ہوا۔</translation>
    </message>
</context>
<context>
    <name>CentreUpdateDialog</name>
    <message>
        <source>Update from the centre</source>
        <translation>مرکز کی اپ ڈیٹ</translation>
    </message>
    <message>
        <source>Update file {file}</source>
        <translation>اپ ڈیٹ فائل {file}</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>لاگو کریں(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>بند کریں(&amp;C)</translation>
    </message>
    <message>
        <source>Update {sequence} has been applied.</source>
        <translation>اپ ڈیٹ {sequence} لاگو ہو گئی۔</translation>
    </message>
    <message>
        <source>Update {sequence} would change:</source>
        <translation>اپ ڈیٹ {sequence} یہ بدلے گی:</translation>
    </message>
    <message>
        <source>Targets: {new} new, {changed} changed, {removed} removed.</source>
        <translation>اہداف: {new} نئے، {changed} بدلے، {removed} ہٹائے گئے۔</translation>
    </message>
    <message>
        <source>Bundles the centre has received: {count} more acknowledged.</source>
        <translation>مرکز کو موصول بنڈل: مزید {count} کی تصدیق۔</translation>
    </message>
    <message>
        <source>Automatic backups kept: {before} → {after}.</source>
        <translation>محفوظ رکھے جانے والے خودکار بیک اپ: {before} → {after}۔</translation>
    </message>
    <message>
        <source>The centre's update carries its catalogue, the targets it set, desks, its decisions on this office's data sets, receipts for this PC's bundles and the policy for every office. Nothing changes until you apply it.</source>
        <translation>مرکز کی اپ ڈیٹ میں اس کا کیٹلاگ، اس کے مقرر کردہ اہداف، ڈیسک، اس دفتر کے ڈیٹا سیٹس پر اس کے فیصلے، اس پی سی کے بنڈلوں کی رسیدیں اور ہر دفتر کے لیے پالیسی ہوتی ہے۔ جب تک آپ اسے لاگو نہ کریں کچھ نہیں بدلتا۔</translation>
    </message>
    <message>
        <source>Catalogue {before} → {after}: new indicators {added}; changed {changed}; retired {retired}.</source>
        <translation>کیٹلاگ {before} ← {after}: نئے اشاریے {added}؛ بدلے گئے {changed}؛ ختم کیے گئے {retired}۔</translation>
    </message>
    <message>
        <source>Desks: {new} new, {changed} changed.</source>
        <translation>ڈیسک: {new} نئے، {changed} بدلے گئے۔</translation>
    </message>
    <message>
        <source>The centre's decisions: {approved} data sets approved, {returned} returned.</source>
        <translation>مرکز کے فیصلے: {approved} ڈیٹا سیٹ منظور، {returned} واپس۔</translation>
    </message>
    <message>
        <source>The window locks after at most {after} idle minutes (was {before}).</source>
        <translation>ونڈو زیادہ سے زیادہ {after} منٹ غیر فعال رہنے کے بعد مقفل ہو جاتی ہے (پہلے {before})۔</translation>
    </message>
    <message>
        <source>Passwords need at least {after} characters (was {before}).</source>
        <translation>پاس ورڈ کم از کم {after} حروف کا ہونا چاہیے (پہلے {before})۔</translation>
    </message>
    <message>
        <source>Rules that compare indicators: new {added}; changed {changed}; removed {removed}.</source>
        <translation>اشاریوں کا باہمی موازنہ کرنے والے قواعد: نئے {added}؛ بدلے گئے {changed}؛ ہٹائے گئے {removed}۔</translation>
    </message>
</context>
<context>
    <name>ApprovalsScreen</name>
    <message>
        <source>Data sets</source>
        <translation>ڈیٹا سیٹ</translation>
    </message>
    <message>
        <source>Figures of the chosen data set</source>
        <translation>منتخب ڈیٹا سیٹ کے اعداد</translation>
    </message>
    <message>
        <source>Only data sets &amp;waiting for a decision</source>
        <translation>صرف فیصلے کے منتظر ڈیٹا سیٹ(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>منظور کریں(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Return with a question…</source>
        <translation>سوال کے ساتھ واپس کریں…(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>دوبارہ کھولیں…(&amp;O)</translation>
    </message>
    <message>
        <source>Approve the districts' data sets</source>
        <translation>اضلاع کے ڈیٹا سیٹ منظور کریں</translation>
    </message>
    <message>
        <source>An approved data set is locked for everyone, here and at the district. A returned one opens again for its operators, with your question on their dashboard. Decisions reach the districts in the next centre update (Import → Write an update).</source>
        <translation>منظور شدہ ڈیٹا سیٹ یہاں اور ضلع میں سب کے لیے مقفل ہو جاتا ہے۔ واپس کیا گیا ڈیٹا سیٹ اس کے آپریٹرز کے لیے دوبارہ کھل جاتا ہے، اور آپ کا سوال ان کے ڈیش بورڈ پر ہوتا ہے۔ فیصلے مرکز کی اگلی اپ ڈیٹ میں اضلاع تک پہنچتے ہیں (درآمد ← اپ ڈیٹ لکھیں)۔</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>منظوریاں</translation>
    </message>
    <message>
        <source>What should the district office look at? It reads this on its dashboard.</source>
        <translation>ضلعی دفتر کو کیا دیکھنا چاہیے؟ وہ یہ اپنے ڈیش بورڈ پر پڑھتا ہے۔</translation>
    </message>
    <message>
        <source>Why is this approved data set reopened?</source>
        <translation>یہ منظور شدہ ڈیٹا سیٹ دوبارہ کیوں کھولا جا رہا ہے؟</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>{district} {institution} {period}: {state}. It reaches the district in the next centre update.</source>
        <translation>{district} {institution} {period}: {state}۔ یہ مرکز کی اگلی اپ ڈیٹ میں ضلع تک پہنچے گا۔</translation>
    </message>
    <message>
        <source>Nothing is waiting for a decision: no district has submitted a data set since the last ones were decided.</source>
        <translation>کوئی فیصلے کا منتظر نہیں: پچھلے فیصلوں کے بعد کسی ضلع نے ڈیٹا سیٹ جمع نہیں کرایا۔</translation>
    </message>
    <message>
        <source>No district has marked or submitted a data set yet.</source>
        <translation>ابھی تک کسی ضلع نے ڈیٹا سیٹ نشان زد یا جمع نہیں کرایا۔</translation>
    </message>
</context>
<context>
    <name>DataSetsModel</name>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>ادارہ</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>مدت</translation>
    </message>
    <message>
        <source>State</source>
        <translation>حالت</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>جمع کرایا گیا</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>فیصلہ</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>وجہ</translation>
    </message>
    <message>
        <source>open</source>
        <translation>کھلا</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>مکمل</translation>
    </message>
    <message>
        <source>waiting for you</source>
        <translation>آپ کا منتظر</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>منظور شدہ</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>واپس کیا گیا</translation>
    </message>
</context>
<context>
    <name>FiguresModel</name>
    <message>
        <source>Indicator</source>
        <translation>اشاریہ</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>خانہ</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>تبصرہ</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>انتباہ</translation>
    </message>
</context>
<context>
    <name>ProvinceModel</name>
    <message>
        <source>District</source>
        <translation>ضلع</translation>
    </message>
    <message>
        <source>Division</source>
        <translation>ڈویژن</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>آخری بنڈل</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>منتظر</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>واپس کیے گئے</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>منظور شدہ</translation>
    </message>
    <message>
        <source>never</source>
        <translation>کبھی نہیں</translation>
    </message>
    <message>
        <source>today</source>
        <translation>آج</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>{days} دن پہلے</translation>
    </message>
</context>
<context>
    <name>ProvinceScreen</name>
    <message>
        <source>Activities due this quarter</source>
        <translation>اس سہ ماہی میں واجب سرگرمیاں</translation>
    </message>
    <message>
        <source>Action Plan activities due by the end of this quarter and not done, late ones first:</source>
        <translation>ایکشن پلان کی وہ سرگرمیاں جو اس سہ ماہی کے آخر تک واجب ہیں اور مکمل نہیں ہوئیں، تاخیر والی پہلے:</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>اضلاع</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>صوبہ</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>سال:</translation>
    </message>
    <message>
        <source>Each district&apos;s status per institution for the year, as the progress report judges it (the status of its median indicator against the pro-rated target), how long ago its last bundle arrived, and its data sets waiting for your decision, returned or approved. Click a column&apos;s title to sort by it.</source>
        <translation>ہر ضلع کی سال بھر کی کیفیت ہر ادارے کے لحاظ سے، جیسے پیش رفت کی رپورٹ اسے جانچتی ہے (اس کے درمیانی اشاریے کی کیفیت، تناسب سے طے شدہ ہدف کے مقابلے میں)، اس کا آخری بنڈل کتنے دن پہلے آیا، اور اس کے ڈیٹا سیٹ جو آپ کے فیصلے کے منتظر ہیں، واپس کیے گئے یا منظور ہوئے۔ کسی کالم کے عنوان پر کلک کر کے اس کے لحاظ سے ترتیب دیں۔</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>اعداد و شمار پڑھے جا رہے ہیں…</translation>
    </message>
    <message>
        <source>The figures could not be read: {error}</source>
        <translation>اعداد و شمار پڑھے نہیں جا سکے: {error}</translation>
    </message>
</context>
<context>
    <name>DueActivitiesModel</name>
    <message>
        <source>Activity</source>
        <translation>سرگرمی</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>محکمہ</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>مقررہ تاریخ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>کیفیت</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>فیصد</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>تاخیر کے دن</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>{scope} - {span} - generated {time}</source>
        <translation>{scope} - {span} - تیار کردہ {time}</translation>
    </message>
    <message>
        <source>No figures.</source>
        <translation>کوئی اعداد و شمار نہیں۔</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>صفحہ {page} از {pages}</translation>
    </message>
    <message>
        <source>{scope} - {level} level</source>
        <translation>{scope} - {level} کی سطح</translation>
    </message>
    <message>
        <source>province</source>
        <translation>صوبہ</translation>
    </message>
    <message>
        <source>division</source>
        <translation>ڈویژن</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>ڈیسک</translation>
    </message>
</context>
</TS>
