<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ur_PK">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../gui/users_screen.py" line="68"/>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="79"/>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="80"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="81"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="82"/>
        <source>Password &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../gui/setup_wizard.py" line="214"/>
        <source>The first administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="215"/>
        <source>The administrator adds the other users (operators, supervisors) later. Choose a password only you know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="218"/>
        <source>&amp;Create the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="222"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="223"/>
        <source>one word, e.g. amina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="224"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="225"/>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="226"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="227"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="228"/>
        <source>Password &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="229"/>
        <source>&amp;Show the passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="234"/>
        <source>Use at least 8 characters. A short sentence is easy to remember and hard to guess. Five wrong passwords lock the user for 15 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="253"/>
        <source>Type a user name for the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="264"/>
        <source>The two passwords are not the same. Type the same password in both boxes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../gui/app.py" line="70"/>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="71"/>
        <source>&amp;Change password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="73"/>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="76"/>
        <source>&amp;Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../gui/audit_screen.py" line="25"/>
        <source>When (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/audit_screen.py" line="25"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/audit_screen.py" line="25"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/audit_screen.py" line="25"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/audit_screen.py" line="26"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/audit_screen.py" line="26"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/audit_screen.py" line="26"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location filename="../../gui/audit_screen.py" line="68"/>
        <location filename="../../gui/audit_screen.py" line="85"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/audit_screen.py" line="75"/>
        <source>&amp;Check the audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/audit_screen.py" line="93"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/audit_screen.py" line="106"/>
        <source>The check could not run: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/audit_screen.py" line="108"/>
        <source>The audit log is intact: {entries} entries under {seals} seals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/audit_screen.py" line="111"/>
        <source>The audit log has been tampered with: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <location filename="../../gui/case_form.py" line="173"/>
        <source>Desk case {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="175"/>
        <source>New desk case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="182"/>
        <source>&amp;1 Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="183"/>
        <source>&amp;2 Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="184"/>
        <source>&amp;3 Alleged perpetrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="185"/>
        <source>&amp;4 Services and referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="186"/>
        <source>&amp;5 Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="187"/>
        <source>&amp;6 Follow-up and closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="190"/>
        <source>&amp;7 Identifying details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="195"/>
        <source>&amp;Save case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="197"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="270"/>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="276"/>
        <source>{name} ({code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="284"/>
        <source>Choose the desk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="286"/>
        <source>&amp;Desk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="291"/>
        <source>assigned when the case is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="300"/>
        <source>Case number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="307"/>
        <source>Case context:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="309"/>
        <source>Time to report:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="320"/>
        <source>e.g. QC-014</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="321"/>
        <source>Client &amp;code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="323"/>
        <source>A pseudonymous code, never the client&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="324"/>
        <location filename="../../gui/case_form.py" line="415"/>
        <location filename="../../gui/case_form.py" line="549"/>
        <location filename="../../gui/case_form.py" line="554"/>
        <location filename="../../gui/case_form.py" line="792"/>
        <location filename="../../gui/case_form.py" line="793"/>
        <location filename="../../gui/case_form.py" line="794"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="325"/>
        <source>Se&amp;x:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="328"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="329"/>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="332"/>
        <source>&amp;Age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="334"/>
        <source>If the age is not known, step down past 0 to &quot;Unknown&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="335"/>
        <source>Age es&amp;timated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="337"/>
        <location filename="../../gui/case_form.py" line="342"/>
        <location filename="../../gui/case_form.py" line="344"/>
        <location filename="../../gui/case_form.py" line="362"/>
        <location filename="../../gui/case_form.py" line="364"/>
        <location filename="../../gui/case_form.py" line="367"/>
        <location filename="../../gui/case_form.py" line="371"/>
        <location filename="../../gui/case_form.py" line="477"/>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="338"/>
        <source>Age g&amp;roup:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="340"/>
        <source>Only when the age is unknown; a known age sets the group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="342"/>
        <location filename="../../gui/case_form.py" line="371"/>
        <location filename="../../gui/case_form.py" line="510"/>
        <location filename="../../gui/case_form.py" line="757"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="342"/>
        <location filename="../../gui/case_form.py" line="371"/>
        <location filename="../../gui/case_form.py" line="510"/>
        <location filename="../../gui/case_form.py" line="757"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="343"/>
        <source>D&amp;isability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="345"/>
        <source>Dis&amp;placement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="358"/>
        <source>&amp;Report date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="360"/>
        <source>&amp;Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="361"/>
        <source>&amp;Incident date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="363"/>
        <source>&amp;Time of day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="365"/>
        <source>&amp;Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="369"/>
        <source>Distri&amp;ct of incident:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="372"/>
        <source>&amp;Previous incidents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="379"/>
        <source>Type of violence (GBV classification)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="381"/>
        <source>Ask each question in turn. The first &quot;yes&quot; sets the type; the rest are not asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="396"/>
        <source>Restart &amp;questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="398"/>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="399"/>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="416"/>
        <source>&amp;Kind of complaint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="429"/>
        <source>One line per alleged perpetrator. Use &quot;Unknown&quot; where the client does not know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="433"/>
        <source>Relationship to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="433"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="434"/>
        <source>Age group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="442"/>
        <source>Alleged perpetrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="445"/>
        <source>&amp;Add perpetrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="446"/>
        <source>&amp;Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="463"/>
        <source>Leave the status empty for a service not discussed. Referred, provided and received elsewhere need the date of the referral or service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="469"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="469"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="469"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="470"/>
        <location filename="../../gui/case_form.py" line="490"/>
        <source>FIR number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="478"/>
        <source>Status of {service}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="480"/>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="481"/>
        <source>Date of {service}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="488"/>
        <source>e.g. 112/2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="511"/>
        <source>{question}: yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="512"/>
        <source>{question}: no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="524"/>
        <source>Ask the client both questions and record the answers. Nothing is pre-filled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="528"/>
        <source>&amp;Consent to services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="529"/>
        <source>Does the client agree to the services and referrals offered?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="530"/>
        <source>Consent to share &amp;non-identifiable data for reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="531"/>
        <source>Yes means this case may be counted and shared beyond the desk without the client&apos;s name, CNIC, phone or address: only de-identified data leaves this office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="551"/>
        <source>Case s&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="552"/>
        <source>No dat&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="553"/>
        <source>&amp;Follow-up date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="555"/>
        <source>Closing &amp;reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="559"/>
        <source>&amp;Handling officer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="564"/>
        <source>What happened, what the client asked for, what was done. Do not write names or CNICs here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="566"/>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="571"/>
        <source>Identifying details stay in this office: they are never synced, reported or exported. Fill in only what the client agrees to give.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="576"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="576"/>
        <source>&amp;Father&apos;s or husband&apos;s name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="577"/>
        <source>CN&amp;IC:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="577"/>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="577"/>
        <source>Add&amp;ress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="603"/>
        <source>Problems to correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="758"/>
        <source>{number}. {question}  {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="771"/>
        <source>Question {number} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="776"/>
        <source>Type: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="778"/>
        <source>The stored answers do not give a type. Restart the questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="780"/>
        <source>Type: not decided yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="798"/>
        <source>Perpetrator {number}: {column}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="844"/>
        <source>Intimate partner violence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="845"/>
        <source>Child sexual abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="846"/>
        <source>Early marriage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="849"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="851"/>
        <source>0-3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="851"/>
        <source>4-5 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="851"/>
        <source>6-14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="852"/>
        <source>15-30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="852"/>
        <source>over a month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="853"/>
        <source>unknown (no incident date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="868"/>
        <source>Your role may see this case but not change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="917"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="918"/>
        <source>This case has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="919"/>
        <source>&amp;Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="920"/>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="952"/>
        <source>Nothing was saved. Correct these problems ({count}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/case_form.py" line="955"/>
        <source>Nothing was saved: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CentreKeyPage</name>
    <message>
        <location filename="../../gui/setup_wizard.py" line="435"/>
        <source>The provincial centre&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="436"/>
        <source>Data sent to the provincial centre is locked with the centre&apos;s key. The centre gives every district office a small key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="438"/>
        <source>&amp;Skip for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="439"/>
        <source>&amp;Trust this key and finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="446"/>
        <source>This office trusts the centre key &lt;b&gt;{fingerprint}&lt;/b&gt;. A new key file replaces it: do this only when the centre has told you it changed its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="449"/>
        <source>&amp;Choose the centre&apos;s key file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="460"/>
        <source>The key file&apos;s fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="462"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="465"/>
        <source>&lt;b&gt;Read this to the provincial centre by phone; continue only if it matches.&lt;/b&gt; If it does not match, someone may have changed the file: stop and call the IT officer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="467"/>
        <source>The provincial centre &amp;confirmed that the fingerprint matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="478"/>
        <source>No key file yet? Choose &lt;b&gt;Skip for now&lt;/b&gt;. This office can enter data at once, but it cannot send data to the centre until an administrator adds the centre&apos;s key under Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="490"/>
        <source>Choose the centre&apos;s key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="491"/>
        <source>Mizan centre key (*.key *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="507"/>
        <source>Key file: {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../gui/login.py" line="446"/>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="451"/>
        <source>Changing the password of {user}. Use at least 8 characters; a short sentence is easy to remember and hard to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="457"/>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="458"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="459"/>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="460"/>
        <source>&amp;Current password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="461"/>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="462"/>
        <source>New password &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="468"/>
        <source>C&amp;hange password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="482"/>
        <source>Type your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="493"/>
        <source>The two new passwords are not the same. Type the new password again in both boxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="497"/>
        <source>The new password is the same as the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="501"/>
        <source>Changing the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="509"/>
        <source>This password opens a different database. Sign out and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="515"/>
        <source>The password has changed. Use the new one from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../../gui/review_screen.py" line="78"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="78"/>
        <location filename="../../gui/review_screen.py" line="97"/>
        <source>Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="78"/>
        <location filename="../../gui/review_screen.py" line="97"/>
        <source>Other version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <location filename="../../gui/review_screen.py" line="51"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="51"/>
        <source>Stored (wins now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="51"/>
        <source>Other version</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountLabel</name>
    <message>
        <location filename="../../gui/desk_register.py" line="327"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="342"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="349"/>
        <source>Not counted: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../gui/setup_wizard.py" line="279"/>
        <location filename="../../gui/setup_wizard.py" line="293"/>
        <source>Creating the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="280"/>
        <location filename="../../gui/setup_wizard.py" line="351"/>
        <source>Mizan is making the encrypted database on this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="284"/>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="290"/>
        <source>Creating the encrypted database… this takes a few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="302"/>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="315"/>
        <source>The database is ready. Below is its &lt;b&gt;recovery key&lt;/b&gt;. If every administrator forgets the password, this key is the only way to open the data. Mizan shows it &lt;b&gt;only now&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="318"/>
        <source>Recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="321"/>
        <source>Print it or write it on paper, and keep the paper locked away, apart from this PC. Anyone with the key and a copy of the database can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="324"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="329"/>
        <source>I have &amp;written down or printed the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="365"/>
        <source>Your recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="366"/>
        <source>Keep it safe: it is shown only once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="389"/>
        <source>Installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="390"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="391"/>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="392"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="396"/>
        <source>Mizan recovery key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="398"/>
        <source>If every administrator forgets the password, this key opens the database. Keep this paper locked away, apart from the PC. Anyone with the key and a copy of the database can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="416"/>
        <source>Print the recovery key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../gui/dashboard.py" line="47"/>
        <location filename="../../gui/dashboard.py" line="79"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="53"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="57"/>
        <source>District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="97"/>
        <source>Reading the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="112"/>
        <source>The figures could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="125"/>
        <source>This month: {period} (in progress)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="126"/>
        <source>Last month: {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="146"/>
        <source>{entered} of {expected} cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="148"/>
        <source>{institution} completeness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="152"/>
        <source>marked complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="154"/>
        <source>all entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="156"/>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="158"/>
        <source>{count} of {total} indicators to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="166"/>
        <source>Nothing is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="170"/>
        <source>Gender facilitation desks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="173"/>
        <source>Cases reported this month ({period}, to {day}): {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="174"/>
        <source>Last month ({period}): {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="183"/>
        <source>What to do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/dashboard.py" line="194"/>
        <source>Nothing waiting. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskRegisterModel</name>
    <message>
        <location filename="../../gui/desk_register.py" line="274"/>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="274"/>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="274"/>
        <source>Report date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="274"/>
        <source>Client code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="275"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="275"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="275"/>
        <source>GBV type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="275"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="275"/>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskRegisterScreen</name>
    <message>
        <location filename="../../gui/desk_register.py" line="414"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="418"/>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="422"/>
        <source>All desks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="425"/>
        <location filename="../../gui/desk_register.py" line="426"/>
        <source>no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="425"/>
        <source>Reported from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="426"/>
        <source>Reported until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="428"/>
        <source>Case number or client code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="430"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="437"/>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="437"/>
        <source>&amp;GBV type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="438"/>
        <source>&amp;Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="438"/>
        <source>Reported &amp;from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="439"/>
        <source>&amp;until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="439"/>
        <source>Searc&amp;h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="462"/>
        <location filename="../../gui/desk_register.py" line="508"/>
        <source>Desk register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="471"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="478"/>
        <source>&amp;New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="537"/>
        <source>The register could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/desk_register.py" line="549"/>
        <source>1 case</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/desk_register.py" line="549"/>
        <source>%Ln cases</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DevicesScreen</name>
    <message>
        <location filename="../../gui/devices_screen.py" line="134"/>
        <source>Districts, their PCs and missing bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="137"/>
        <source>Districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="141"/>
        <source>PCs of the district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="145"/>
        <source>&amp;Revoke this PC…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="148"/>
        <source>Save the centre&apos;s &amp;key file for districts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="175"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="207"/>
        <source>Revoke a PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="208"/>
        <source>Revoke {name}? Its later bundles will be refused; what it sent before stays. Do this when the PC is lost, stolen or replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="210"/>
        <source>&amp;Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="211"/>
        <source>&amp;Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="228"/>
        <source>{name} is revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="232"/>
        <source>Save the centre&apos;s key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="233"/>
        <source>Mizan centre key (*.key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="244"/>
        <source>Saved {path}. Give it to the district offices; when they phone, read them this fingerprint: {fingerprint}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DistrictDevicesModel</name>
    <message>
        <location filename="../../gui/devices_screen.py" line="102"/>
        <source>PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="102"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="102"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="102"/>
        <source>Last bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="103"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="103"/>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="103"/>
        <source>Enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="117"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="117"/>
        <source>revoked {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DistrictPage</name>
    <message>
        <location filename="../../gui/setup_wizard.py" line="141"/>
        <source>Which district?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="142"/>
        <source>Choose the district whose office uses this PC, and give the PC a name the provincial centre will recognise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="148"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="149"/>
        <source>Choose your district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="156"/>
        <source>{division} division</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="170"/>
        <source>Name of this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="173"/>
        <source>&amp;District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="174"/>
        <source>&amp;Name of this PC:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="177"/>
        <source>The name tells this PC apart from other PCs of the same office, e.g. &quot;Quetta office PC&quot; or &quot;Quetta desk laptop&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="199"/>
        <source>{district} office PC</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DistrictsModel</name>
    <message>
        <location filename="../../gui/devices_screen.py" line="60"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="60"/>
        <source>Division</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="60"/>
        <source>PCs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="60"/>
        <source>Last bundle imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="61"/>
        <source>Missing bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="71"/>
        <source>no PC enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/devices_screen.py" line="92"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DropArea</name>
    <message>
        <location filename="../../gui/import_screen.py" line="107"/>
        <source>Drop bundles here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="108"/>
        <source>Drop bundle files (.mizan) or whole folders here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollDeviceDialog</name>
    <message>
        <location filename="../../gui/import_screen.py" line="135"/>
        <source>A new device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="137"/>
        <source>This bundle comes from a PC this centre has not enrolled. Phone the district office and ask them to read the fingerprint shown on their Export screen. Type what you hear: enroll only if it matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="143"/>
        <source>District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="144"/>
        <source>PC name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="145"/>
        <source>Bundle file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="147"/>
        <source>e.g. ABCD-EFGH-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="148"/>
        <source>Fingerprint heard by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="150"/>
        <source>&amp;Fingerprint they read:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="156"/>
        <source>&amp;Enroll and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="158"/>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportScreen</name>
    <message>
        <location filename="../../gui/export_screen.py" line="73"/>
        <source>No folder chosen yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="74"/>
        <source>&amp;Choose folder (USB stick)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="76"/>
        <source>&amp;Write bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="80"/>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="85"/>
        <source>&amp;Import a receipt from the centre…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="90"/>
        <source>Bundles made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="101"/>
        <source>Send this office&apos;s figures to the provincial centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="105"/>
        <source>The bundle is encrypted for the centre and signed by this PC. It holds every record changed since the last bundle the centre acknowledged, so a lost stick loses nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="108"/>
        <source>This PC&apos;s fingerprint is &lt;b&gt;{fingerprint}&lt;/b&gt;. The provincial centre may phone and ask you to read it: it proves the bundles come from this PC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="120"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="126"/>
        <source>Choose the USB stick or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="132"/>
        <source>Folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="143"/>
        <source>Writing the bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="163"/>
        <source>The bundle could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="166"/>
        <source>Bundle {sequence} written to {folder} — {records} records. Carry it to the provincial centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="172"/>
        <source>Choose the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="172"/>
        <source>Receipts (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="182"/>
        <source>The centre acknowledged bundles {sequences}. The next bundle carries only what changed after them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportsModel</name>
    <message>
        <location filename="../../gui/export_screen.py" line="36"/>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="36"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="36"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="36"/>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="37"/>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_screen.py" line="62"/>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <location filename="../../gui/import_screen.py" line="51"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="51"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="51"/>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="51"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="52"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="52"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="52"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="52"/>
        <source>Quarantined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="53"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="68"/>
        <source>device not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="69"/>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="69"/>
        <source>already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="70"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportScreen</name>
    <message>
        <location filename="../../gui/import_screen.py" line="194"/>
        <source>Import bundles from the districts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="197"/>
        <source>Choose &amp;bundle files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="199"/>
        <source>Choose a &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="201"/>
        <location filename="../../gui/import_screen.py" line="376"/>
        <source>&amp;Watch an inbox folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="204"/>
        <source>Write &amp;receipts for today…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="219"/>
        <source>This bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="221"/>
        <source>All bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="225"/>
        <source>This bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="226"/>
        <source>All bundles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="238"/>
        <source>Import results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="257"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="265"/>
        <source>Choose bundle files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="266"/>
        <source>Mizan bundles (*.mizan);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="271"/>
        <source>Choose a folder of bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="286"/>
        <source>Opening the bundles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="304"/>
        <source>Bundle {n} of {total}: {file} ({done:,} of {records:,} records)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="318"/>
        <source>Nothing more was imported: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="330"/>
        <source>No bundle files (.mizan) were found there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="337"/>
        <source>{imported} of {total} bundles imported ({records:,} records new or changed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="340"/>
        <source>{n} had been imported before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="342"/>
        <source>{n} came from a PC not yet enrolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="344"/>
        <source>{n} were rejected: see the reason in the table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="346"/>
        <source>Records that need review (see Review): {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="378"/>
        <source>Choose the inbox folder (e.g. on the shared drive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="390"/>
        <source>Stop &amp;watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="391"/>
        <source>Watching {folder} for new bundles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="405"/>
        <source>The inbox {folder} could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="415"/>
        <source>Where should the receipts go?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="427"/>
        <source>Receipts written to {folder}: {n}. Send each to its district office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="430"/>
        <source>No bundle was imported today, so there is nothing to acknowledge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/import_screen.py" line="441"/>
        <source>{file}
{status}. {counts}
{reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorEntryScreen</name>
    <message>
        <location filename="../../gui/indicator_entry.py" line="713"/>
        <location filename="../../gui/indicator_entry.py" line="765"/>
        <source>Indicator entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="718"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="722"/>
        <source>District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="728"/>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="733"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="734"/>
        <source>&amp;Institution:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="736"/>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="747"/>
        <source>Mark complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="748"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="788"/>
        <source>{period} (in progress)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="814"/>
        <source>Nothing is due from this institution for {period}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="825"/>
        <source>Marked complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="829"/>
        <source>Operators can no longer change it; you still can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="836"/>
        <source>{entered} of {expected} cells entered. Each cell is saved when you leave it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorGridModel</name>
    <message>
        <location filename="../../gui/indicator_entry.py" line="182"/>
        <location filename="../../gui/indicator_entry.py" line="279"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="267"/>
        <source>Comment: {comment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="271"/>
        <source>Earlier: {history}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="283"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="283"/>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="283"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="284"/>
        <source>Numerator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="284"/>
        <source>Denominator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="285"/>
        <source>Ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="367"/>
        <source>Type both the numerator and the denominator; the cell is saved when both are filled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorPanel</name>
    <message>
        <location filename="../../gui/indicator_entry.py" line="612"/>
        <source>&lt;b&gt;{code}&lt;/b&gt;  {name} &lt;span style=&apos;color:#666&apos;&gt;({unit}, {period})&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="619"/>
        <source>Numerator: {numerator}. Denominator: {denominator}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="622"/>
        <source>Grey figures: {periods}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="639"/>
        <source>Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="641"/>
        <source>Why the figure is right, e.g. a new prison wing opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="642"/>
        <source>Comment on the unusual figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="644"/>
        <source>Save with comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="645"/>
        <source>Undo typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="660"/>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="660"/>
        <source>percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="660"/>
        <source>ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="661"/>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/indicator_entry.py" line="676"/>
        <source>Comment on {cell}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreenDialog</name>
    <message>
        <location filename="../../gui/login.py" line="321"/>
        <location filename="../../gui/login.py" line="326"/>
        <source>Mizan is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="328"/>
        <source>Nobody used Mizan for a while, so it hid its screens. {user}, type your password to carry on where you left off. Someone else? Sign out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="336"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="337"/>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="338"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="339"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="346"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="348"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="358"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="378"/>
        <source>Type your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="381"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="395"/>
        <source>This password opens a different database. Sign out and sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../gui/login.py" line="102"/>
        <source>Sign in to Mizan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="106"/>
        <source>Mizan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="107"/>
        <source>Balochistan Rule of Law Roadmap: district figures and gender desk records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="114"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="115"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="116"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="117"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="124"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="127"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="134"/>
        <source>Database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="148"/>
        <source>Type your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="152"/>
        <source>Type your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="156"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="32"/>
        <source>Provincial centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="33"/>
        <source>Mizan: {where}, {user} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="36"/>
        <source>Screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="77"/>
        <source>Last bundle: {n} on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="78"/>
        <source>No bundle sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="79"/>
        <source>last receipt: bundle {n} acknowledged {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="81"/>
        <source>no receipt yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../gui/desk_register.py" line="372"/>
        <source>Delete empties the date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PkmLogModel</name>
    <message>
        <location filename="../../gui/pkm_log.py" line="67"/>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="67"/>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="67"/>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="67"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="67"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="71"/>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PkmLogScreen</name>
    <message>
        <location filename="../../gui/pkm_log.py" line="92"/>
        <source>Choose a service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="96"/>
        <source>Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="103"/>
        <source>Date received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="104"/>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="104"/>
        <source>Date completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="105"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="112"/>
        <source>D&amp;esk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="112"/>
        <source>&amp;Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="113"/>
        <source>Applicant&apos;s se&amp;x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="113"/>
        <source>&amp;Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="114"/>
        <source>&amp;Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="147"/>
        <location filename="../../gui/pkm_log.py" line="166"/>
        <source>PKM service log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/pkm_log.py" line="214"/>
        <source>1 request</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pkm_log.py" line="214"/>
        <source>%Ln requests</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location filename="../../gui/review_screen.py" line="124"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="124"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="124"/>
        <source>Bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="124"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="125"/>
        <source>Why it was held back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../gui/reports_screen.py" line="93"/>
        <source>Progress against targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="93"/>
        <source>Trend of an indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="94"/>
        <source>Gender desks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="94"/>
        <source>Reporting completeness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="97"/>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="98"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="108"/>
        <source>Headline indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="112"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="116"/>
        <source>E&amp;xcel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="116"/>
        <source>&amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="116"/>
        <source>&amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="123"/>
        <source>&amp;Report:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="123"/>
        <source>&amp;For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="124"/>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="124"/>
        <source>&amp;Month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="125"/>
        <source>&amp;Indicator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="134"/>
        <source>Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="138"/>
        <source>Choose a report and press Show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="146"/>
        <location filename="../../gui/reports_screen.py" line="160"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="185"/>
        <source>Adding up the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="193"/>
        <source>The report could not be made: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="248"/>
        <source>Made {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="256"/>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="266"/>
        <source>Writing {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="273"/>
        <source>Nothing was written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/reports_screen.py" line="275"/>
        <source>Saved {files}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../gui/review_screen.py" line="156"/>
        <source>Records that need review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="159"/>
        <source>&amp;Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="160"/>
        <source>&amp;Quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="167"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="183"/>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="187"/>
        <source>The two versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="191"/>
        <source>Keep the &amp;stored version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="192"/>
        <source>Keep the &amp;other version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="205"/>
        <source>The two versions (fields that differ in bold):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="236"/>
        <source>The other version cannot be kept: {reasons}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="244"/>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="244"/>
        <source>other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="245"/>
        <source>Kept the {kept} version of {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="261"/>
        <source>Quarantined records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="265"/>
        <source>&amp;Re-check all against today&apos;s catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="272"/>
        <source>These records broke a rule when their bundle was imported, so they were held back. After the catalogue changes (a new indicator or district), re-check them: those that pass now are merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="284"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="299"/>
        <source>Nothing was re-checked: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="302"/>
        <source>{checked} records checked: {passed} passed and were merged, {still} are still held back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="309"/>
        <source>&amp;Conflicts ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/review_screen.py" line="310"/>
        <source>&amp;Quarantine ({n})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <location filename="../../gui/setup_wizard.py" line="104"/>
        <source>Welcome to Mizan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="105"/>
        <source>This PC has no Mizan database yet. A few questions set it up; it takes a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="107"/>
        <source>Who will use this PC?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="108"/>
        <source>A &amp;district office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="109"/>
        <source>The &amp;provincial centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="112"/>
        <source>Enters its district&apos;s indicator figures and gender desk records, and sends them to the provincial centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/setup_wizard.py" line="115"/>
        <source>Receives every district&apos;s data, merges it into one provincial database and makes the reports.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../gui/settings_screen.py" line="46"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="47"/>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="52"/>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="58"/>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="59"/>
        <source>&amp;Lock the screen after idle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="60"/>
        <source>&amp;Text size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="62"/>
        <source>Settings of this PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="75"/>
        <source>The provincial centre&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="94"/>
        <source>Not added yet: this office cannot send bundles to the centre until its key is added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="95"/>
        <source>&amp;Add the centre&apos;s key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="97"/>
        <source>Bundles are locked for the centre with the fingerprint {fingerprint}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="99"/>
        <source>&amp;Replace the centre&apos;s key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="110"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_screen.py" line="117"/>
        <source>The language changes the next time Mizan starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../gui/setup_wizard.py" line="549"/>
        <source>Set up Mizan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TargetsScreen</name>
    <message>
        <location filename="../../gui/targets_screen.py" line="130"/>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="135"/>
        <location filename="../../gui/targets_screen.py" line="171"/>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="140"/>
        <source>Save a &amp;template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="142"/>
        <source>&amp;Load targets from a spreadsheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="149"/>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="156"/>
        <source>Targets for the year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="159"/>
        <source>A target is for the whole year in the indicator&apos;s unit: a yearly total for counts, a level for stock figures, a percent for rates. Type in a cell and move on: it is saved at once. Empty a cell to remove its target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="179"/>
        <source>{n} targets were not saved: point at a red cell to see why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="183"/>
        <source>Save the targets template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="184"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="194"/>
        <source>Saved {path} with {rows} rows. Fill in the targets and load it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="198"/>
        <source>Load targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="199"/>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="213"/>
        <source>Nothing was loaded. Correct these rows and load the file again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="214"/>
        <source>Row {row}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="217"/>
        <source>…and {n} more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/targets_screen.py" line="223"/>
        <source>Loaded {path}: {new} new targets, {updated} changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrustCentreWizard</name>
    <message>
        <location filename="../../gui/setup_wizard.py" line="649"/>
        <source>The provincial centre&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../gui/users_screen.py" line="36"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="36"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="36"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="57"/>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="59"/>
        <source>locked until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="60"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <location filename="../../gui/users_screen.py" line="98"/>
        <location filename="../../gui/users_screen.py" line="118"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="106"/>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="106"/>
        <source>&amp;Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="107"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="107"/>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="143"/>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="150"/>
        <source>Added {name} ({role}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="157"/>
        <source>Choose a user first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="159"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="160"/>
        <source>New password for {name}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="164"/>
        <source>Changed the password of {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="169"/>
        <source>Unlocked {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="175"/>
        <source>Remove user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="176"/>
        <source>Remove {name}? Their password will no longer open this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/users_screen.py" line="178"/>
        <source>Removed {name}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>entry</name>
    <message>
        <location filename="../../storage/entry.py" line="212"/>
        <source>This data set is marked complete and locked. Ask a supervisor to reopen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="213"/>
        <source>Your role can look at the figures but not enter them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../storage/validation.py" line="159"/>
        <source>case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="160"/>
        <source>client code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="161"/>
        <source>report date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="162"/>
        <source>incident date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="163"/>
        <source>follow-up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="164"/>
        <source>client&apos;s sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="165"/>
        <source>client&apos;s age group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="166"/>
        <source>incident location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="167"/>
        <source>time of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="168"/>
        <source>district of the incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="169"/>
        <source>GBV type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="170"/>
        <source>kind of non-GBV complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="171"/>
        <source>consent to services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="172"/>
        <source>consent to share non-identifiable data for reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="173"/>
        <source>case status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="174"/>
        <source>closing reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="175"/>
        <source>applicant&apos;s sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="176"/>
        <source>date received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="177"/>
        <source>date completed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>next_steps</name>
    <message>
        <location filename="../../storage/entry.py" line="386"/>
        <source>{institution}: {count} of {total} indicators not entered for {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="387"/>
        <source>{institution}: {count} of {total} indicators partly entered for {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="388"/>
        <source>{institution} {period} is fully entered: mark it complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="389"/>
        <source>{count} open desk cases have a follow-up date on or before {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="390"/>
        <source>Bundle {sequence} ({file}, made {made}) is not yet acknowledged by the centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="392"/>
        <source>No bundle has been sent to the centre yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/entry.py" line="393"/>
        <source>Unusual figures (warnings) in the last two months: {count}. Check them and their comments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <location filename="../../storage/validation.py" line="41"/>
        <source>Indicator &apos;{value}&apos; is not in the catalogue. Use a code such as POL-01, as in the template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="43"/>
        <source>{indicator} is computed from the desk register and cannot be typed in. Enter desk cases instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="45"/>
        <source>District &apos;{value}&apos; is not known. Use a district code such as QUETTA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="47"/>
        <source>This office enters figures for {own}, not for &apos;{value}&apos;. Correct the district.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="49"/>
        <source>Period &apos;{value}&apos; does not fit {indicator}, which is {frequency}. Write it like {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="51"/>
        <source>Period {value} has not started yet (today is {today}). Enter figures for past or current periods only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="53"/>
        <source>District {district} existed from {validity}; period {value} is outside that. Use the district that covered the area then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="55"/>
        <source>{indicator} is reported from {validity}; period {value} is outside that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="57"/>
        <source>The {institution} data set for {district} {value} is marked complete and locked. Ask a supervisor to reopen it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="59"/>
        <source>Cell &apos;{value}&apos; is not a cell of {indicator}. Use &apos;total&apos; or one combination of: {categories}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="61"/>
        <source>The {field} &apos;{value}&apos; is not a number. Type digits only, e.g. 12 or 12.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="63"/>
        <source>{indicator} needs a {needed}; it is empty. Type the figure, or 0 if there were none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="65"/>
        <source>{indicator} counts must be whole numbers of 0 or more; &apos;{value}&apos; is not. Correct the figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="67"/>
        <source>The {field} of {indicator} cannot be negative (&apos;{value}&apos;). Correct the figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="69"/>
        <source>{indicator} is a {unit}: give the {field}, not a numerator or denominator. Clear the numerator and denominator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="71"/>
        <source>The denominator of {indicator} ({denominator_name}) must be more than 0; it is &apos;{value}&apos;. Correct it, or leave the row out if there were none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="73"/>
        <source>The numerator of {indicator} ({value}) is larger than its denominator ({denominator}); the share cannot exceed 100%. Check both figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="75"/>
        <source>The value &apos;{value}&apos; does not match numerator / denominator = {computed}. Leave the value empty; it is computed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="77"/>
        <source>The cells of {indicator} for {district} {period} add up to {cell_sum}{quantity} so far, more than the total {total}. Correct the cells or the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="79"/>
        <source>The cells of {indicator} for {district} {period} add up to {cell_sum}{quantity}, but the total is {total}. Correct the cells or the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="81"/>
        <source>{indicator} {value} is unusual for {district} ({reason}). Check it; if it is right, add a comment saying why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="84"/>
        <source>The {field} is required. Fill it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="86"/>
        <source>&apos;{value}&apos; is not a choice for {field}. Choose one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="88"/>
        <source>The {field} &apos;{value}&apos; is not a date. Write it as YYYY-MM-DD, e.g. 2026-10-31.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="90"/>
        <source>The report date {value} is in the future (today is {today}). Correct the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="92"/>
        <source>The incident date {value} is after the report date {report_date}. Correct one of them; leave the incident date empty if it is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="94"/>
        <source>The client&apos;s age &apos;{value}&apos; must be a whole number from 0 to 120. Estimate it and tick &apos;age estimated&apos; if unsure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="96"/>
        <source>The CNIC &apos;{value}&apos; is not valid. Write 13 digits as 12345-1234567-1 (the first digit 1 to 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="98"/>
        <source>The mobile number &apos;{value}&apos; is not valid. Write it as 03001234567, 0300-1234567 or +923001234567.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="100"/>
        <source>The GBV type &apos;{value}&apos; does not follow the classification questions: answered in order, they give &apos;{expected}&apos;. Ask the questions in order and take the first &apos;yes&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="102"/>
        <source>The classification answers &apos;{value}&apos; are not valid: answer the questions in order with y or n, stopping at the first y.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="104"/>
        <source>The service &apos;{value}&apos; is marked &apos;{status}&apos; but has no date. Add the date of the referral or service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="106"/>
        <source>The service &apos;{value}&apos; is listed twice. Keep one line per service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="108"/>
        <source>A closed case needs a closing reason. Choose why the case was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="110"/>
        <source>The client&apos;s answer on {field} is not recorded. Ask the client and record yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="112"/>
        <source>The follow-up date {value} is before the report date {report_date}. Correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="114"/>
        <source>The request was completed on {value}, before it was received on {received_date}. Correct the dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="117"/>
        <source>The target year &apos;{value}&apos; is not a year from {first} to {last}. Write it like 2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="119"/>
        <source>The target of {indicator} is a percent and cannot be more than 100 (&apos;{value}&apos;). Correct the figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="121"/>
        <source>The file {value} could not be read as {kind} ({reason}). Save it again from Excel as .xlsx or .csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="123"/>
        <source>The first row must name the columns {expected}; missing: {missing}. Start from `template`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="125"/>
        <source>This row repeats {value}, already given on row {first_row}. Keep one row per cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="128"/>
        <source>The record is not shaped like a Mizan {record_type} record ({value}). It was kept aside for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="130"/>
        <source>The record claims to come from device &apos;{value}&apos;, but the bundle was signed by {device}. It was kept aside for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="132"/>
        <source>The record is for district &apos;{value}&apos;, but the device is enrolled for {district}. It was kept aside for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="134"/>
        <source>The record belongs to case {value}, which is not at the centre. It was kept aside for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="136"/>
        <source>The record clashes with another record already at the centre ({value}). It was kept aside for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../storage/validation.py" line="138"/>
        <source>The {field} {value} is in the future (today is {today}). Correct the date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../gui/login.py" line="51"/>
        <source>Something went wrong: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
