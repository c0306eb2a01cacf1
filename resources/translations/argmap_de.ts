<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Builder</name>
    <message>
        <source>Add claim</source>
        <extracomment>words left out of an id made from a claim&apos;s text the undo step of a new claim (translated where it is shown)</extracomment>
        <translation>Aussage hinzufügen</translation>
    </message>
    <message>
        <source>Add reason</source>
        <translation>Grund hinzufügen</translation>
    </message>
    <message>
        <source>Add objection</source>
        <translation>Einwand hinzufügen</translation>
    </message>
    <message>
        <source>Select one claim to add a reason or an objection to it.</source>
        <translation>Wählen Sie eine Aussage aus, um ihr einen Grund oder einen Einwand hinzuzufügen.</translation>
    </message>
    <message>
        <source>{step} “{text}”</source>
        <translation>{step} „{text}“</translation>
    </message>
</context>
<context>
    <name>CompareMode</name>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Compare &amp;With…</source>
        <translation>&amp;Vergleichen mit…</translation>
    </message>
    <message>
        <source>Show the open map with what changed since another map file</source>
        <translation>Die geöffnete Karte mit dem zeigen, was sich gegenüber einer anderen Kartendatei geändert hat</translation>
    </message>
    <message>
        <source>Com&amp;pare With Version…</source>
        <translation>Mit Ve&amp;rsion vergleichen…</translation>
    </message>
    <message>
        <source>Show the open map with what changed since one of its commits in git</source>
        <translation>Die geöffnete Karte mit dem zeigen, was sich seit einem ihrer Commits in git geändert hat</translation>
    </message>
    <message>
        <source>&amp;Next Change</source>
        <translation>&amp;Nächste Änderung</translation>
    </message>
    <message>
        <source>&amp;Previous Change</source>
        <translation>&amp;Vorherige Änderung</translation>
    </message>
    <message>
        <source>&amp;Take Back Change</source>
        <translation>Änderung &amp;zurücknehmen</translation>
    </message>
    <message>
        <source>Put the change shown back the way the old version had it</source>
        <translation>Für die gezeigte Änderung den Stand der alten Version wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Export Comparison as SVG…</source>
        <translation>Vergleich als SVG &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Leave Compare</source>
        <translation>Vergleich &amp;beenden</translation>
    </message>
    <message>
        <source>C&amp;hanges</source>
        <translation>Än&amp;derungen</translation>
    </message>
    <message numerus="yes">
        <source>Compared with {version}: %n changes (F8 walks them)</source>
        <translation>
            <numerusform>Verglichen mit {version}: %n Änderung (F8 springt zu ihr)</numerusform>
            <numerusform>Verglichen mit {version}: %n Änderungen (F8 geht sie durch)</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <source>{path} cannot be read as a map:</source>
        <translation>{path} kann nicht als Karte gelesen werden:</translation>
    </message>
    <message>
        <source>Compare with map</source>
        <translation>Mit Karte vergleichen</translation>
    </message>
    <message>
        <source>Argument maps</source>
        <translation>Argumentkarten</translation>
    </message>
    <message>
        <source>Compare With Version</source>
        <translation>Mit Version vergleichen</translation>
    </message>
    <message>
        <source>git has no commits of {file} yet.</source>
        <translation>git hat noch keine Commits von {file}.</translation>
    </message>
    <message>
        <source>Take back: {change}</source>
        <translation>Zurücknehmen: {change}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>{path} exportiert</translation>
    </message>
    <message>
        <source>Export comparison as SVG</source>
        <translation>Vergleich als SVG exportieren</translation>
    </message>
</context>
<context>
    <name>CompareOverlay</name>
    <message numerus="yes">
        <source>%n added</source>
        <extracomment>milliseconds after an edit before the difference is computed again the difference was computed again (after an edit, an undo, a reload)</extracomment>
        <translation>
            <numerusform>%n hinzugefügt</numerusform>
            <numerusform>%n hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <translation>
            <numerusform>%n verschoben</numerusform>
            <numerusform>%n verschoben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other changes</source>
        <translation>
            <numerusform>%n sonstige Änderung</numerusform>
            <numerusform>%n sonstige Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Compared with {version}</source>
        <translation>Verglichen mit {version}</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>keine Änderungen</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Not comparing. File → Compare With… compares the open map with another file or an earlier version.</source>
        <extracomment>the fields of an added or removed claim that are shown, in this order the row chosen in the list (by click or keys)</extracomment>
        <translation>Kein Vergleich aktiv. Datei → Vergleichen mit… vergleicht die geöffnete Karte mit einer anderen Datei oder einer früheren Version.</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Vorherige</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Nächste ▶</translation>
    </message>
    <message>
        <source>Take &amp;Back</source>
        <translation>&amp;Zurücknehmen</translation>
    </message>
    <message>
        <source>Put this change back the way the old version had it (one step that Undo takes back)</source>
        <translation>Für diese Änderung den Stand der alten Version wiederherstellen (ein Schritt, den Rückgängig zurücknimmt)</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Export the picture of the differences as SVG</source>
        <translation>Das Bild der Unterschiede als SVG exportieren</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Leave compare mode: the plain map again</source>
        <translation>Den Vergleich beenden: wieder nur die Karte</translation>
    </message>
    <message>
        <source>added claim</source>
        <translation>Aussage hinzugefügt</translation>
    </message>
    <message>
        <source>removed claim</source>
        <translation>Aussage entfernt</translation>
    </message>
    <message>
        <source>changed claim</source>
        <translation>Aussage geändert</translation>
    </message>
    <message>
        <source>moved claim</source>
        <translation>Aussage verschoben</translation>
    </message>
    <message>
        <source>renamed claim</source>
        <translation>Aussage umbenannt</translation>
    </message>
    <message>
        <source>added relation</source>
        <translation>Beziehung hinzugefügt</translation>
    </message>
    <message>
        <source>removed relation</source>
        <translation>Beziehung entfernt</translation>
    </message>
    <message>
        <source>changed relation</source>
        <translation>Beziehung geändert</translation>
    </message>
    <message>
        <source>added source</source>
        <translation>Quelle hinzugefügt</translation>
    </message>
    <message>
        <source>removed source</source>
        <translation>Quelle entfernt</translation>
    </message>
    <message>
        <source>changed source</source>
        <translation>Quelle geändert</translation>
    </message>
    <message>
        <source>changed header</source>
        <translation>Kopf der Karte geändert</translation>
    </message>
    <message>
        <source>claims in a new order</source>
        <translation>Aussagen neu geordnet</translation>
    </message>
    <message>
        <source>relations in a new order</source>
        <translation>Beziehungen neu geordnet</translation>
    </message>
    <message>
        <source>sources in a new order</source>
        <translation>Quellen neu geordnet</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a change in the list or on the map, or walk them with &lt;b&gt;F8&lt;/b&gt; and &lt;b&gt;Shift+F8&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie eine Änderung in der Liste oder auf der Karte aus, oder gehen Sie die Änderungen mit &lt;b&gt;F8&lt;/b&gt; und &lt;b&gt;Umschalt+F8&lt;/b&gt; durch.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The entries both versions have stand in another order in the file.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Einträge, die beide Versionen haben, stehen in der Datei in einer anderen Reihenfolge.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>ConflictsMode</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>&amp;Next Conflict</source>
        <translation>&amp;Nächster Konflikt</translation>
    </message>
    <message>
        <source>&amp;Previous Conflict</source>
        <translation>&amp;Vorheriger Konflikt</translation>
    </message>
    <message>
        <source>Take &amp;Ours</source>
        <translation>&amp;Unsere übernehmen</translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation>&amp;Deren übernehmen</translation>
    </message>
    <message>
        <source>&amp;Merge Conflicts</source>
        <translation>Merge-K&amp;onflikte</translation>
    </message>
    <message numerus="yes">
        <source>{title} has %n merge conflicts: keep ours or take theirs for each in the Conflicts panel (F7 walks them).</source>
        <translation>
            <numerusform>{title} hat %n Merge-Konflikt: Behalten Sie im Bereich „Konflikte“ unsere Fassung, oder übernehmen Sie ihre (F7 springt zu ihm).</numerusform>
            <numerusform>{title} hat %n Merge-Konflikte: Behalten Sie für jeden im Bereich „Konflikte“ unsere Fassung, oder übernehmen Sie ihre (F7 geht sie durch).</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve conflict: take ours</source>
        <translation>Konflikt lösen: unsere übernehmen</translation>
    </message>
    <message>
        <source>Resolve conflict: take theirs</source>
        <translation>Konflikt lösen: ihre übernehmen</translation>
    </message>
    <message>
        <source>Every merge conflict is resolved; save the map to keep it.</source>
        <translation>Alle Merge-Konflikte sind gelöst; speichern Sie die Karte, um das Ergebnis zu behalten.</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Take &amp;Ours</source>
        <translation>&amp;Unsere übernehmen</translation>
    </message>
    <message>
        <source>Keep what the map holds (our side); the conflict goes</source>
        <translation>Behalten, was die Karte enthält (unsere Seite); der Konflikt verschwindet</translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation>&amp;Deren übernehmen</translation>
    </message>
    <message>
        <source>Put the other side&apos;s version in; the conflict goes</source>
        <translation>Die Fassung der anderen Seite übernehmen; der Konflikt verschwindet</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous conflict</source>
        <translation>Vorheriger Konflikt</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next conflict</source>
        <translation>Nächster Konflikt</translation>
    </message>
    <message>
        <source>#{number} cannot be read: {problem}</source>
        <translation>#{number} kann nicht gelesen werden: {problem}</translation>
    </message>
    <message numerus="yes">
        <source>%n merge conflicts left: for each, keep ours or take theirs.</source>
        <translation>
            <numerusform>Noch %n Merge-Konflikt: Behalten Sie unsere Fassung, oder übernehmen Sie ihre.</numerusform>
            <numerusform>Noch %n Merge-Konflikte: Behalten Sie bei jedem unsere Fassung, oder übernehmen Sie ihre.</numerusform>
        </translation>
    </message>
    <message>
        <source>No merge conflicts in this map.</source>
        <translation>Keine Merge-Konflikte in dieser Karte.</translation>
    </message>
    <message>
        <source>&lt;p&gt;This entry cannot be read; correct it in the file, or settle it by hand and delete it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dieser Eintrag kann nicht gelesen werden; korrigieren Sie ihn in der Datei, oder klären Sie ihn von Hand und löschen Sie ihn.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Ours (in the map)</source>
        <translation>Unsere (in der Karte)</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Deren</translation>
    </message>
    <message>
        <source>Relations that go with each side</source>
        <translation>Beziehungen, die zu jeder Seite gehören</translation>
    </message>
</context>
<context>
    <name>CoverageBar</name>
    <message>
        <source>Paragraphs with a quote (green) and without (grey)</source>
        <extracomment>underline of the passage nearest to a quote that is not in the article</extracomment>
        <translation>Absätze mit Zitat (grün) und ohne (grau)</translation>
    </message>
</context>
<context>
    <name>EditingVerbs</name>
    <message>
        <source>Connect as &amp;Rephrase</source>
        <translation>Als &amp;Wiederholung verbinden</translation>
    </message>
    <message>
        <source>The claim selected first restates the one selected last</source>
        <translation>Die zuerst gewählte Aussage wiederholt die zuletzt gewählte</translation>
    </message>
    <message>
        <source>Show Source &amp;Text</source>
        <translation>&amp;Quelltext anzeigen</translation>
    </message>
    <message>
        <source>Add Claim &amp;Here</source>
        <translation>Aussage &amp;hier hinzufügen</translation>
    </message>
    <message>
        <source>This claim stands for {ref}; edit it there.</source>
        <translation>Diese Aussage steht für {ref}; bearbeiten Sie sie dort.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n claim(s)?</source>
        <translation>
            <numerusform>%n Aussage löschen?</numerusform>
            <numerusform>%n Aussagen löschen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>These %n relation(s) go with them:</source>
        <translation>
            <numerusform>Diese Beziehung wird mit gelöscht:</numerusform>
            <numerusform>Diese %n Beziehungen werden mit gelöscht:</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete claims</source>
        <translation>Aussagen löschen</translation>
    </message>
    <message>
        <source>(You can undo this.)</source>
        <translation>(Das lässt sich rückgängig machen.)</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n relations</source>
        <translation>
            <numerusform>%n Beziehung löschen</numerusform>
            <numerusform>%n Beziehungen löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>A rephrase joins two claims: select the one that restates, then the one it restates.</source>
        <translation>Eine Wiederholung verbindet zwei Aussagen: Wählen Sie die wiederholende, dann die wiederholte.</translation>
    </message>
    <message>
        <source>These claims are connected like that already.</source>
        <translation>Diese Aussagen sind bereits so verbunden.</translation>
    </message>
    <message>
        <source>A rephrase is no inference and cannot be undercut; attack the claim that restates instead.</source>
        <translation>Eine Wiederholung ist kein Schluss und lässt sich nicht unterlaufen; greifen Sie stattdessen die wiederholende Aussage an.</translation>
    </message>
    <message>
        <source>Undercut relation</source>
        <translation>Beziehung unterlaufen</translation>
    </message>
    <message>
        <source>together supports</source>
        <translation>stützt gemeinsam</translation>
    </message>
    <message>
        <source>supports</source>
        <translation>stützt</translation>
    </message>
    <message>
        <source>together attacks</source>
        <translation>greift gemeinsam an</translation>
    </message>
    <message>
        <source>attacks</source>
        <translation>greift an</translation>
    </message>
    <message>
        <source>restates</source>
        <translation>wiederholt</translation>
    </message>
    <message>
        <source>Toggle relation types</source>
        <translation>Beziehungsarten umschalten</translation>
    </message>
</context>
<context>
    <name>EvaluationMenu</name>
    <message>
        <source>&amp;Evaluate Map</source>
        <extracomment>the settings key of Evaluate → Open Questions Count Against</extracomment>
        <translation>Karte aus&amp;werten</translation>
    </message>
    <message>
        <source>Colour every claim by whether it stands (IN), falls (OUT) or stays undecided, given the attacks and supports</source>
        <translation>Jede Aussage danach einfärben, ob sie angesichts der Angriffe und Stützungen besteht (IN), fällt (OUT) oder unentschieden bleibt</translation>
    </message>
    <message>
        <source>the sceptical core: only what must stand</source>
        <translation>der skeptische Kern: nur was bestehen muss</translation>
    </message>
    <message>
        <source>every maximal consistent position</source>
        <translation>jede maximale widerspruchsfreie Position</translation>
    </message>
    <message>
        <source>positions that reject all they do not accept</source>
        <translation>Positionen, die alles verwerfen, was sie nicht akzeptieren</translation>
    </message>
    <message>
        <source>&amp;Next Labelling</source>
        <translation>&amp;Nächstes Labelling</translation>
    </message>
    <message>
        <source>&amp;Previous Labelling</source>
        <translation>&amp;Vorheriges Labelling</translation>
    </message>
    <message>
        <source>What if &amp;Accepted</source>
        <translation>Annahme: &amp;akzeptiert</translation>
    </message>
    <message>
        <source>Assume the selected claims stand, and see what follows</source>
        <translation>Annehmen, dass die ausgewählten Aussagen bestehen, und sehen, was daraus folgt</translation>
    </message>
    <message>
        <source>What if &amp;Rejected</source>
        <translation>Annahme: ve&amp;rworfen</translation>
    </message>
    <message>
        <source>Assume the selected claims fall, and see what follows</source>
        <translation>Annehmen, dass die ausgewählten Aussagen fallen, und sehen, was daraus folgt</translation>
    </message>
    <message>
        <source>No Assu&amp;mption</source>
        <translation>&amp;Keine Annahme</translation>
    </message>
    <message>
        <source>&amp;Clear All Assumptions</source>
        <translation>Alle Annahmen &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Open Questions Count Against</source>
        <translation>&amp;Offene Fragen zählen dagegen</translation>
    </message>
    <message>
        <source>Each open critical question of an argument counts against it: a reason with one does not stand, an objection with one does not hit</source>
        <translation>Jede offene kritische Frage eines Arguments zählt gegen es: Ein Grund mit offener Frage trägt nicht, ein Einwand mit offener Frage trifft nicht</translation>
    </message>
    <message>
        <source>Eva&amp;luate</source>
        <translation>Aus&amp;wertung</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Cannot open map</source>
        <extracomment>the arrangement of docks saved with the window (older arrangements are not restored)</extracomment>
        <translation>Karte kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>{path} cannot be read:</source>
        <translation>{path} kann nicht gelesen werden:</translation>
    </message>
    <message>
        <source>{title} has errors; it opened as far as it could. Saving writes to a new file.</source>
        <translation>{title} enthält Fehler und wurde so weit wie möglich geöffnet. Gespeichert wird in eine neue Datei.</translation>
    </message>
    <message>
        <source>Layout failed</source>
        <translation>Layout fehlgeschlagen</translation>
    </message>
    <message>
        <source>Open map</source>
        <translation>Karte öffnen</translation>
    </message>
    <message>
        <source>Argument maps</source>
        <translation>Argumentkarten</translation>
    </message>
    <message>
        <source>Open folder of maps</source>
        <translation>Ordner mit Karten öffnen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Save map as</source>
        <translation>Karte speichern unter</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Nothing was lost: your edits are still open here, and the file on disk is as it was.</source>
        <translation>Nichts ist verloren: Ihre Änderungen sind hier weiterhin geöffnet, und die Datei auf der Festplatte ist unverändert.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} gespeichert</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>Datei auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>Saving now would overwrite that change with your version. Save your version under a new name instead, or overwrite?</source>
        <translation>Speichern würde diese Änderung jetzt mit Ihrer Version überschreiben. Möchten Sie Ihre Version stattdessen unter einem neuen Namen speichern oder überschreiben?</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>Ü&amp;berschreiben</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Drop all unsaved edits of {title}?</source>
        <translation>Alle ungespeicherten Änderungen an {title} verwerfen?</translation>
    </message>
    <message>
        <source>{title} was changed by another program, and you have unsaved edits.

Reload it from disk and drop your edits?</source>
        <translation>{title} wurde von einem anderen Programm geändert, und Sie haben ungespeicherte Änderungen.

Die Datei neu laden und Ihre Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to {title}?</source>
        <translation>Änderungen an {title} speichern?</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Select the claims to export first.</source>
        <translation>Wählen Sie zuerst die Aussagen aus, die exportiert werden sollen.</translation>
    </message>
    <message>
        <source>Export {format}</source>
        <translation>{format} exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>{path} exportiert</translation>
    </message>
    <message>
        <source>Import a map</source>
        <translation>Karte importieren</translation>
    </message>
    <message>
        <source>Argdown, AIF or arggraph</source>
        <translation>Argdown, AIF oder arggraph</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>Imported {file}: {claims}, {relations}, {warnings}. Save it to keep it.</source>
        <translation>{file} importiert: {claims}, {relations}, {warnings}. Speichern Sie die Karte, um sie zu behalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n claims</source>
        <translation>
            <numerusform>%n Aussage</numerusform>
            <numerusform>%n Aussagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relations</source>
        <translation>
            <numerusform>%n Beziehung</numerusform>
            <numerusform>%n Beziehungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Export selection</source>
        <translation>Auswahl exportieren</translation>
    </message>
</context>
<context>
    <name>InspectorDock</name>
    <message>
        <source>Select a claim or a relation to see and edit it here.</source>
        <translation>Wählen Sie eine Aussage oder eine Beziehung aus, um sie hier anzusehen und zu bearbeiten.</translation>
    </message>
    <message>
        <source>comma separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>as the map has it</source>
        <translation>wie in der Karte</translation>
    </message>
    <message>
        <source>accepted (forced IN)</source>
        <translation>akzeptiert (IN erzwungen)</translation>
    </message>
    <message>
        <source>rejected (forced OUT)</source>
        <translation>verworfen (OUT erzwungen)</translation>
    </message>
    <message>
        <source>Assume this claim stands or falls and see what follows; an assumption is not saved in the map</source>
        <translation>Annehmen, dass diese Aussage besteht oder fällt, und sehen, was daraus folgt; eine Annahme wird nicht in der Karte gespeichert</translation>
    </message>
    <message>
        <source>The claim&apos;s base score: its strength before its reasons and objections count (saved in the map)</source>
        <translation>Der Grundwert der Aussage: ihre Stärke, bevor Gründe und Einwände zählen (wird in der Karte gespeichert)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>Annahme</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Base score</source>
        <translation>Grundwert</translation>
    </message>
    <message>
        <source>Reverse direction</source>
        <translation>Richtung umkehren</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>did not settle</source>
        <translation>kommt nicht zur Ruhe</translation>
    </message>
    <message>
        <source>base {base}</source>
        <translation>Grundwert {base}</translation>
    </message>
    <message>
        <source>reasons: {parts}</source>
        <translation>Gründe: {parts}</translation>
    </message>
    <message>
        <source>objections: {parts}</source>
        <translation>Einwände: {parts}</translation>
    </message>
    <message>
        <source>stands for {ref}; its content is edited there</source>
        <translation>steht für {ref}; ihr Inhalt wird dort bearbeitet</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>&lt;i&gt;none&lt;/i&gt;</source>
        <translation>&lt;i&gt;keine&lt;/i&gt;</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>verknüpft</translation>
    </message>
    <message>
        <source>Quote not found in the article.</source>
        <translation>Zitat nicht im Artikel gefunden.</translation>
    </message>
    <message>
        <source>Nearest passage (line {line}, {percent} % alike): &lt;i&gt;„{passage}“&lt;/i&gt;</source>
        <translation>Ähnlichste Stelle (Zeile {line}, {percent} % ähnlich): &lt;i&gt;„{passage}“&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Use this passage</source>
        <translation>Diese Stelle verwenden</translation>
    </message>
    <message>
        <source>No passage of the article is like it.</source>
        <translation>Keine Stelle des Artikels ähnelt ihm.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>La&amp;nguage</source>
        <extracomment>the interface&apos;s languages; English is the source text and needs no file how each language names itself in the menu (not translated, as everywhere) the settings key of View → Language: &quot;system&quot;, &quot;en&quot; or &quot;de&quot; the environment variable that picks the language over the setting</extracomment>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;System ({language})</source>
        <translation>&amp;System ({language})</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The interface will be in {language} the next time argmap starts.</source>
        <translation>Die Sprache der Oberfläche ({language}) gilt ab dem nächsten Start von argmap.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;opened&gt;</source>
        <extracomment>the arrangement of docks changed with version 2: older saved ones are not used</extracomment>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Find:</source>
        <extracomment>suffixes of dropped files that open as maps, and that are imported</extracomment>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Close Map</source>
        <translation>Karte s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Export &amp;SVG…</source>
        <translation>&amp;SVG exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;PNG…</source>
        <translation>&amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>P&amp;DF exportieren…</translation>
    </message>
    <message>
        <source>Export S&amp;election as SVG…</source>
        <translation>&amp;Auswahl als SVG exportieren…</translation>
    </message>
    <message>
        <source>So&amp;urces Folder…</source>
        <translation>&amp;Quellenordner…</translation>
    </message>
    <message>
        <source>Where the article texts of the maps&apos; sources are</source>
        <translation>Wo die Artikeltexte der Quellen der Karten liegen</translation>
    </message>
    <message>
        <source>&amp;Import Argdown or AIF…</source>
        <translation>Argdown oder AIF &amp;importieren…</translation>
    </message>
    <message>
        <source>Open an Argdown file or an AIF JSON file as a new map</source>
        <translation>Eine Argdown-Datei oder eine AIF-JSON-Datei als neue Karte öffnen</translation>
    </message>
    <message>
        <source>Export &amp;Argdown…</source>
        <translation>A&amp;rgdown exportieren…</translation>
    </message>
    <message>
        <source>Export A&amp;IF JSON…</source>
        <translation>A&amp;IF-JSON exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;GraphML…</source>
        <translation>&amp;GraphML exportieren…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>&amp;Rückgängig: {step}</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>&amp;Wiederholen: {step}</translation>
    </message>
    <message>
        <source>Add C&amp;laim</source>
        <translation>Aussage hin&amp;zufügen</translation>
    </message>
    <message>
        <source>A new claim, in edit mode; Esc removes it again</source>
        <translation>Eine neue Aussage, gleich zum Bearbeiten; Esc entfernt sie wieder</translation>
    </message>
    <message>
        <source>Add Reaso&amp;n</source>
        <translation>&amp;Grund hinzufügen</translation>
    </message>
    <message>
        <source>A new claim that supports the selected claim, in edit mode</source>
        <translation>Eine neue Aussage, die die ausgewählte stützt, gleich zum Bearbeiten</translation>
    </message>
    <message>
        <source>Add &amp;Objection</source>
        <translation>&amp;Einwand hinzufügen</translation>
    </message>
    <message>
        <source>A new claim that attacks the selected claim, in edit mode</source>
        <translation>Eine neue Aussage, die die ausgewählte angreift, gleich zum Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Edit Text</source>
        <translation>&amp;Text bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Connect as &amp;Support</source>
        <translation>Als &amp;Stützung verbinden</translation>
    </message>
    <message>
        <source>Selected claims support the one selected last</source>
        <translation>Die ausgewählten Aussagen stützen die zuletzt ausgewählte</translation>
    </message>
    <message>
        <source>Connect as Attac&amp;k</source>
        <translation>Als A&amp;ngriff verbinden</translation>
    </message>
    <message>
        <source>Selected claims attack the one selected last</source>
        <translation>Die ausgewählten Aussagen greifen die zuletzt ausgewählte an</translation>
    </message>
    <message>
        <source>Undercut Relat&amp;ion</source>
        <translation>Beziehung &amp;unterlaufen</translation>
    </message>
    <message>
        <source>The selected claim attacks the selected relation</source>
        <translation>Die ausgewählte Aussage greift die ausgewählte Beziehung an</translation>
    </message>
    <message>
        <source>&amp;Toggle Support/Attack</source>
        <translation>Stützung/Angriff u&amp;mschalten</translation>
    </message>
    <message>
        <source>Re&amp;verse Relation</source>
        <translation>Beziehung um&amp;kehren</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Kop&amp;ieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Einf&amp;ügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Suc&amp;hen…</translation>
    </message>
    <message>
        <source>Auto La&amp;yout</source>
        <translation>Automatisches La&amp;yout</translation>
    </message>
    <message>
        <source>Forget manual positions and let Graphviz place every claim</source>
        <translation>Von Hand gesetzte Positionen vergessen und Graphviz jede Aussage platzieren lassen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>&amp;English Texts</source>
        <translation>&amp;Englische Texte</translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation>&amp;Legende</translation>
    </message>
    <message>
        <source>Top to Bottom</source>
        <translation>Von oben nach unten</translation>
    </message>
    <message>
        <source>Left to Right</source>
        <translation>Von links nach rechts</translation>
    </message>
    <message>
        <source>Bottom to Top</source>
        <translation>Von unten nach oben</translation>
    </message>
    <message>
        <source>Right to Left</source>
        <translation>Von rechts nach links</translation>
    </message>
    <message>
        <source>&amp;About argmap</source>
        <translation>Ü&amp;ber argmap</translation>
    </message>
    <message>
        <source>User &amp;Manual</source>
        <translation>Benutzer&amp;handbuch</translation>
    </message>
    <message>
        <source>How to read, edit, evaluate, save and export a map</source>
        <translation>Wie man eine Karte liest, bearbeitet, auswertet, speichert und exportiert</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every key of the window, by menu</source>
        <translation>Alle Tasten des Fensters, nach Menüs geordnet</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Zu&amp;letzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Direction</source>
        <translation>&amp;Richtung</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message numerus="yes">
        <source>%n claims</source>
        <translation>
            <numerusform>%n Aussage</numerusform>
            <numerusform>%n Aussagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n relations</source>
        <translation>
            <numerusform>%n Beziehung</numerusform>
            <numerusform>%n Beziehungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n errors</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warnings</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>laying out…</source>
        <translation>wird angeordnet…</translation>
    </message>
    <message>
        <source>quick layout: Graphviz took longer than {seconds} s and is still working</source>
        <translation>vorläufiges Layout: Graphviz brauchte länger als {seconds} s und arbeitet noch</translation>
    </message>
    <message>
        <source>Folder with the article texts</source>
        <translation>Ordner mit den Artikeltexten</translation>
    </message>
    <message>
        <source>This article is a source of another map; open that map to add claims from it.</source>
        <translation>Dieser Artikel ist Quelle einer anderen Karte; öffnen Sie jene Karte, um Aussagen daraus hinzuzufügen.</translation>
    </message>
    <message>
        <source>New claim from the source</source>
        <translation>Neue Aussage aus der Quelle</translation>
    </message>
    <message>
        <source>Set quote and source</source>
        <translation>Zitat und Quelle setzen</translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n gefunden</numerusform>
            <numerusform>%n gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>About argmap</source>
        <translation>Über argmap</translation>
    </message>
    <message>
        <source>&lt;b&gt;argmap {version}&lt;/b&gt;&lt;p&gt;Argument maps kept as hand-curated YAML, laid out by Graphviz.&lt;/p&gt;&lt;p&gt;Font: DejaVu Sans.&lt;/p&gt;</source>
        <translation>&lt;b&gt;argmap {version}&lt;/b&gt;&lt;p&gt;Argumentkarten als von Hand gepflegtes YAML, angeordnet von Graphviz.&lt;/p&gt;&lt;p&gt;Schrift: DejaVu Sans.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source># argmap User Manual

The manual is not installed with argmap. It is the file `docs/{manual}` of
argmap&apos;s source code, beside `docs/format.md` (the file format),
`docs/semantics.md` (evaluation) and `docs/interchange.md` (Argdown, AIF and
GraphML). The README of the source code gives a short tour of the app.
</source>
        <extracomment>screenshots wider than this are scaled down to it, so the text stays readable what the dialog shows where the manual is not installed (Markdown, translated)</extracomment>
        <translation># argmap-Benutzerhandbuch

Das Handbuch wird nicht mit argmap installiert. Es ist die Datei `docs/{manual}` im
Quellcode von argmap, neben `docs/format.md` (das Dateiformat),
`docs/semantics.md` (die Auswertung) und `docs/interchange.md` (Argdown, AIF und
GraphML). Die README des Quellcodes gibt einen kurzen Rundgang durch die Anwendung.
</translation>
    </message>
    <message>
        <source>argmap User Manual</source>
        <translation>argmap-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
    </message>
</context>
<context>
    <name>MapBrowser</name>
    <message>
        <source>(cannot be read)</source>
        <translation>(nicht lesbar)</translation>
    </message>
</context>
<context>
    <name>MapDocument</name>
    <message>
        <source>Use Nearest Passage as Quote</source>
        <extracomment>the model object was replaced (reload from disk) the file changed on disk while there are unsaved edits where Save As starts for a map not read from a YAML file (e.g. imported) what an importer could not represent; listed with the problems until saved folder of the article texts the app was given (the map&apos;s header may name another) claims whose quote is not in their article, by claim id, with the nearest passage hash of what the file must hold for a save not to overwrite someone&apos;s change (None: what it held when read or last written) set when its tab or window closed: a late commit (an editor losing focus as the window goes) must not touch a stack that is being taken down set while the canvas applies a new layout: a check running in another thread then would compete with it for the interpreter and stall the window</extracomment>
        <translation>Ähnlichste Stelle als Zitat verwenden</translation>
    </message>
    <message>
        <source>no file name yet</source>
        <translation>noch kein Dateiname</translation>
    </message>
    <message>
        <source>{title} had errors when it was opened; argmap read only part of it. Save to a new file so the original stays as it is.</source>
        <translation>{title} enthielt beim Öffnen Fehler; argmap hat nur einen Teil davon gelesen. Speichern Sie in eine neue Datei, damit das Original unverändert bleibt.</translation>
    </message>
    <message>
        <source>{path} was changed on disk since you opened it (by another window or program).</source>
        <translation>{path} wurde auf der Festplatte geändert, seit Sie die Datei geöffnet haben (von einem anderen Fenster oder Programm).</translation>
    </message>
</context>
<context>
    <name>MapMenu</name>
    <message>
        <source>&amp;Properties…</source>
        <translation>&amp;Eigenschaften…</translation>
    </message>
    <message>
        <source>The map&apos;s title, description, language, direction, sources folder, sources and tag colours</source>
        <translation>Titel, Beschreibung, Sprache, Richtung, Quellenordner, Quellen und Schlagwortfarben der Karte</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Karte</translation>
    </message>
</context>
<context>
    <name>MapPropertiesDialog</name>
    <message>
        <source>Top to bottom</source>
        <extracomment>the languages by their own names texts of the dialog, translated where they are shown</extracomment>
        <translation>Von oben nach unten</translation>
    </message>
    <message>
        <source>Left to right</source>
        <translation>Von links nach rechts</translation>
    </message>
    <message>
        <source>Bottom to top</source>
        <translation>Von unten nach oben</translation>
    </message>
    <message>
        <source>Right to left</source>
        <translation>Von rechts nach links</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>&amp;ID</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Outlet</source>
        <translation>&amp;Medium</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>Da&amp;tei</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>a slug: letters, digits, - _ .</source>
        <translation>ein Kürzel: Buchstaben, Ziffern, - _ .</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>JJJJ, JJJJ-MM oder JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>the article&apos;s file in the sources folder</source>
        <translation>die Datei des Artikels im Quellenordner</translation>
    </message>
    <message>
        <source>title</source>
        <extracomment>what changed, as the dialog&apos;s undo step names it</extracomment>
        <translation>Titel</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>source folder</source>
        <translation>Quellenordner</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>tag colours</source>
        <translation>Schlagwortfarben</translation>
    </message>
    <message>
        <source>Map Properties</source>
        <extracomment>a map that names no tag colours: what :func:`tag_color` gives then</extracomment>
        <translation>Eigenschaften der Karte</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <extracomment>ids in the map of the sources removed, with the claims whose source goes too</extracomment>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Sources</source>
        <translation>&amp;Quellen</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>Other:</source>
        <translation>Andere:</translation>
    </message>
    <message>
        <source>e.g. fr, uk, pt-BR</source>
        <translation>z. B. fr, uk, pt-BR</translation>
    </message>
    <message>
        <source>folder of the article texts, relative to the map file</source>
        <translation>Ordner der Artikeltexte, relativ zur Kartendatei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Di&amp;rection:</source>
        <translation>&amp;Richtung:</translation>
    </message>
    <message>
        <source>Source &amp;folder:</source>
        <translation>Quellen&amp;ordner:</translation>
    </message>
    <message>
        <source>No folder: the app&apos;s sources folder (File → Sources Folder…) is used.</source>
        <translation>Kein Ordner: Der Quellenordner der Anwendung (Datei → Quellenordner…) wird verwendet.</translation>
    </message>
    <message>
        <source>The map is not saved yet: a relative folder counts from the folder it will be saved in.</source>
        <translation>Die Karte ist noch nicht gespeichert: Ein relativer Ordner gilt ab dem Ordner, in dem sie gespeichert wird.</translation>
    </message>
    <message numerus="yes">
        <source>{folder} (%n files)</source>
        <translation>
            <numerusform>{folder} (%n Datei)</numerusform>
            <numerusform>{folder} (%n Dateien)</numerusform>
        </translation>
    </message>
    <message>
        <source>{folder} does not exist (yet).</source>
        <translation>{folder} existiert (noch) nicht.</translation>
    </message>
    <message>
        <source>Folder with the article texts</source>
        <translation>Ordner mit den Artikeltexten</translation>
    </message>
    <message>
        <source>Add Sourc&amp;e</source>
        <translation>Quelle &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>This map has no sources yet. Add one for the article the claims come from.</source>
        <translation>Diese Karte hat noch keine Quellen. Fügen Sie eine für den Artikel hinzu, aus dem die Aussagen stammen.</translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation>(keine ID)</translation>
    </message>
    <message numerus="yes">
        <source>Cited by %n claim(s).</source>
        <translation>
            <numerusform>Von %n Aussage zitiert.</numerusform>
            <numerusform>Von %n Aussagen zitiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>No claim cites it yet.</source>
        <translation>Noch keine Aussage zitiert sie.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) cite the source &apos;{source}&apos;:</source>
        <translation>
            <numerusform>%n Aussage zitiert die Quelle „{source}“:</numerusform>
            <numerusform>%n Aussagen zitieren die Quelle „{source}“:</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove source</source>
        <translation>Quelle entfernen</translation>
    </message>
    <message>
        <source>Remove it and clear the source of these claims? (You can undo this.)</source>
        <translation>Die Quelle entfernen und bei diesen Aussagen leeren? (Das lässt sich rückgängig machen.)</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Aussagen</translation>
    </message>
    <message>
        <source>C&amp;hoose Colour…</source>
        <translation>Farbe &amp;wählen…</translation>
    </message>
    <message>
        <source>A&amp;utomatic Colour</source>
        <translation>&amp;Automatische Farbe</translation>
    </message>
    <message>
        <source>Forget the tag&apos;s colour: it gets one from the palette</source>
        <translation>Die Farbe des Schlagworts vergessen: Es erhält eine aus der Palette</translation>
    </message>
    <message>
        <source>A claim&apos;s box takes the colour of its first tag.</source>
        <translation>Der Kasten einer Aussage erhält die Farbe ihres ersten Schlagworts.</translation>
    </message>
    <message>
        <source>automatic ({colour})</source>
        <translation>automatisch ({colour})</translation>
    </message>
    <message>
        <source>Colour of the tag “{tag}”</source>
        <translation>Farbe des Schlagworts „{tag}“</translation>
    </message>
    <message>
        <source>A map needs a title.</source>
        <translation>Eine Karte braucht einen Titel.</translation>
    </message>
    <message>
        <source>&apos;{lang}&apos; is not a language code such as de, en or pt-BR.</source>
        <translation>„{lang}“ ist kein Sprachcode wie de, en oder pt-BR.</translation>
    </message>
    <message>
        <source>Source &apos;{id}&apos;: {problem}</source>
        <translation>Quelle „{id}“: {problem}</translation>
    </message>
    <message>
        <source>Source {number} (&apos;{id}&apos;): {problem}</source>
        <translation>Quelle {number} („{id}“): {problem}</translation>
    </message>
    <message>
        <source>Two sources have the id &apos;{id}&apos;; ids must be unique.</source>
        <translation>Zwei Quellen haben die ID „{id}“; IDs müssen eindeutig sein.</translation>
    </message>
    <message>
        <source>Another source has the id &apos;{id}&apos; already; ids must be unique.</source>
        <translation>Eine andere Quelle hat bereits die ID „{id}“; IDs müssen eindeutig sein.</translation>
    </message>
    <message>
        <source>Map properties: {changes}</source>
        <translation>Karteneigenschaften: {changes}</translation>
    </message>
</context>
<context>
    <name>MapScene</name>
    <message>
        <source>Move</source>
        <extracomment>seconds the app waits for dot before it shows argmap&apos;s own layered layout (and lets dot go on in the background) the map&apos;s language changed, and with it the words drawn into it (kinds, badges, legend) how the latest layout was made: &quot;full&quot; (dot), &quot;stable&quot; (from the one before) or &quot;again&quot; (the one this content had before, after an undo) relations selected when a layout began to be applied (hiding edges deselects them) the evaluation&apos;s labels drawn on the claims (see set_labels) gradual strengths drawn as a bar on each claim (see set_strengths) whether ``layout`` is a real one (dot&apos;s, or one made from dot&apos;s after edits), not the quick provisional one shown while dot works the next layout is a full dot layout (first open, Auto Layout, direction) real layouts by what they depend on: undo brings back the picture it had where new claims were first drawn (a double click, the middle of the view) the picture shown before each Auto Layout step, for its undo claims shown in the layered layout while dot is still working on them</extracomment>
        <translation>Verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n claims</source>
        <translation>
            <numerusform>%n Aussage verschieben</numerusform>
            <numerusform>%n Aussagen verschieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outline</name>
    <message>
        <source>Filter: text, speaker, tag, source…</source>
        <translation>Filter: Text, Sprecher, Schlagwort…</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Aussage</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Sprecher</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
</context>
<context>
    <name>ProblemsList</name>
    <message>
        <source>Use Nearest Passage as Quote</source>
        <extracomment>a relation was connected anew from here; its key</extracomment>
        <translation>Ähnlichste Stelle als Zitat verwenden</translation>
    </message>
    <message>
        <source>Replace the claim&apos;s quote, which is not in its article, by the passage of the article most like it (undoable)</source>
        <translation>Das Zitat der Aussage, das nicht in ihrem Artikel steht, durch die ähnlichste Stelle des Artikels ersetzen (rückgängig zu machen)</translation>
    </message>
    <message>
        <source>Delete Relation</source>
        <translation>Beziehung löschen</translation>
    </message>
    <message>
        <source>Delete the relation this problem is about (undoable)</source>
        <translation>Die Beziehung löschen, um die es bei diesem Problem geht (rückgängig zu machen)</translation>
    </message>
    <message>
        <source>Connect to…</source>
        <translation>Verbinden mit…</translation>
    </message>
    <message>
        <source>Point the relation&apos;s missing end at a claim of this map (or, for an undercut, at a relation) (undoable)</source>
        <translation>Das fehlende Ende der Beziehung auf eine Aussage dieser Karte richten (oder, bei einem Unterlaufen, auf eine Beziehung) (rückgängig zu machen)</translation>
    </message>
    <message>
        <source>(right-click or the button below: use the nearest passage as the quote)</source>
        <translation>(Rechtsklick oder die Schaltfläche unten: die ähnlichste Stelle als Zitat verwenden)</translation>
    </message>
    <message>
        <source>(the canvas cannot draw this relation: delete it, or connect it to a claim with the buttons below)</source>
        <translation>(die Zeichenfläche kann diese Beziehung nicht zeichnen: löschen Sie sie oder verbinden Sie sie mit den Schaltflächen unten mit einer Aussage)</translation>
    </message>
    <message>
        <source>No problems.</source>
        <translation>Keine Probleme.</translation>
    </message>
    <message>
        <source>Delete relation “{key}”</source>
        <translation>Beziehung „{key}“ löschen</translation>
    </message>
    <message>
        <source>This map has no relation to connect the relation to.</source>
        <translation>Diese Karte hat keine Beziehung, mit der sich die Beziehung verbinden ließe.</translation>
    </message>
    <message>
        <source>This map has no claim to connect the relation to.</source>
        <translation>Diese Karte hat keine Aussage, mit der sich die Beziehung verbinden ließe.</translation>
    </message>
    <message>
        <source>Relation &apos;{key}&apos;: its premise &apos;{missing}&apos; is not in this map.</source>
        <translation>Beziehung „{key}“: Ihre Prämisse „{missing}“ ist nicht in dieser Karte.</translation>
    </message>
    <message>
        <source>Relation &apos;{key}&apos;: its target &apos;{missing}&apos; is not in this map.</source>
        <translation>Beziehung „{key}“: Ihr Ziel „{missing}“ ist nicht in dieser Karte.</translation>
    </message>
    <message>
        <source>Connect it to this relation instead:</source>
        <translation>Stattdessen mit dieser Beziehung verbinden:</translation>
    </message>
    <message>
        <source>Connect it to this claim instead:</source>
        <translation>Stattdessen mit dieser Aussage verbinden:</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>the new map “{title}”</source>
        <extracomment>how long after the last edit the recovery file is written</extracomment>
        <translation>die neue Karte „{title}“</translation>
    </message>
    <message>
        <source>Restore unsaved edits</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>argmap was closed without saving edits to
{map}
(last edit {when}).

Restore them? They open as unsaved changes; the file on disk is not touched until you save.</source>
        <translation>argmap wurde beendet, ohne Änderungen an
{map}
(letzte Änderung {when}) zu speichern.

Sollen sie wiederhergestellt werden? Sie öffnen sich als ungespeicherte Änderungen; die Datei auf der Festplatte bleibt unberührt, bis Sie speichern.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Discard Edits</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>Restored unsaved edits of {title}.</source>
        <translation>Ungespeicherte Änderungen an {title} wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <source>type to search</source>
        <extracomment>the relation types that name a scheme, and the kinds of scheme that fit each</extracomment>
        <translation>zum Suchen tippen</translation>
    </message>
    <message>
        <source>The argument scheme: type part of its name to find it (docs/schemes.md lists them)</source>
        <translation>Das Argumentationsschema: Tippen Sie einen Teil seines Namens, um es zu finden (docs/schemes.md listet sie auf)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Roles of the premises&lt;/b&gt;</source>
        <translation>&lt;b&gt;Rollen der Prämissen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Critical questions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kritische Fragen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>(no scheme)</source>
        <translation>(kein Schema)</translation>
    </message>
    <message>
        <source>(no role)</source>
        <translation>(keine Rolle)</translation>
    </message>
    <message>
        <source>Answer no</source>
        <translation>Mit Nein beantworten</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Answered no by an objection; delete it to ask again</source>
        <translation>Von einem Einwand mit Nein beantwortet; löschen Sie ihn, um erneut zu fragen</translation>
    </message>
    <message>
        <source>yes: granted, the argument stands on this point; open: not answered yet</source>
        <translation>ja: zugestanden, das Argument hält in diesem Punkt; offen: noch nicht beantwortet</translation>
    </message>
    <message>
        <source>about the inference</source>
        <translation>zum Schluss</translation>
    </message>
    <message>
        <source>about the premise {premise}</source>
        <translation>zur Prämisse {premise}</translation>
    </message>
    <message>
        <source>about the premise with the role “{role}”</source>
        <translation>zur Prämisse mit der Rolle „{role}“</translation>
    </message>
    <message>
        <source>answered no by {relations}</source>
        <translation>mit Nein beantwortet von {relations}</translation>
    </message>
    <message>
        <source>Add an objection that says no: it undercuts the argument</source>
        <translation>Einen Einwand hinzufügen, der Nein sagt: Er unterläuft das Argument</translation>
    </message>
    <message>
        <source>Add an objection that says no: it attacks the premise &apos;{premise}&apos;</source>
        <translation>Einen Einwand hinzufügen, der Nein sagt: Er greift die Prämisse &apos;{premise}&apos; an</translation>
    </message>
    <message>
        <source>Give a premise the role “{role}” first: the objection attacks it</source>
        <translation>Geben Sie zuerst einer Prämisse die Rolle „{role}“: Der Einwand greift sie an</translation>
    </message>
    <message>
        <source>Set argument scheme</source>
        <translation>Argumentationsschema setzen</translation>
    </message>
    <message>
        <source>Set premise role</source>
        <translation>Rolle der Prämisse setzen</translation>
    </message>
    <message>
        <source>Mark critical question {state}</source>
        <translation>Kritische Frage als {state} markieren</translation>
    </message>
    <message>
        <source>relation &apos;{key}&apos; ({scheme}): {n} open question(s)</source>
        <translation>Relation &apos;{key}&apos; ({scheme}): {n} offene Frage(n)</translation>
    </message>
</context>
<context>
    <name>SchemeFilter</name>
    <message>
        <source>Show only the claims of arguments of one scheme</source>
        <translation>Nur die Aussagen der Argumente eines Schemas zeigen</translation>
    </message>
    <message>
        <source>All schemes</source>
        <translation>Alle Schemata</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Walk to the neighbouring claim</source>
        <extracomment>keys the canvas and its in-place editor handle in their key events (view.py); the texts are translated where they are listed</extracomment>
        <translation>Zur benachbarten Aussage gehen</translation>
    </message>
    <message>
        <source>Extend the selection to the neighbour</source>
        <translation>Auswahl auf die benachbarte Aussage erweitern</translation>
    </message>
    <message>
        <source>Pan (hold, then drag)</source>
        <translation>Verschieben der Ansicht (gedrückt halten, dann ziehen)</translation>
    </message>
    <message>
        <source>Context menu of the selection</source>
        <translation>Kontextmenü der Auswahl</translation>
    </message>
    <message>
        <source>Connect as rephrase: the claim selected first restates the one selected last</source>
        <translation>Als Wiederholung verbinden: Die zuerst gewählte Aussage wiederholt die zuletzt gewählte</translation>
    </message>
    <message>
        <source>In the claim editor: done</source>
        <translation>Im Aussage-Editor: fertig</translation>
    </message>
    <message>
        <source>In the claim editor: line break</source>
        <translation>Im Aussage-Editor: Zeilenumbruch</translation>
    </message>
    <message>
        <source>In the claim editor: cancel (a new claim goes again)</source>
        <translation>Im Aussage-Editor: abbrechen (eine neue Aussage verschwindet wieder)</translation>
    </message>
    <message>
        <source>Canvas</source>
        <translation>Zeichenfläche</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter: action, menu or key…</source>
        <translation>Filter: Aktion, Menü oder Taste…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>No shortcut matches.</source>
        <translation>Kein Kürzel passt.</translation>
    </message>
</context>
<context>
    <name>SourcePane</name>
    <message>
        <source>The claim&apos;s quote is not in this text; the passage most like it is underlined in red (the inspector offers it as the quote).</source>
        <extracomment>Qt span of the passage nearest to the selected claim&apos;s quote when it is not found</extracomment>
        <translation>Das Zitat der Aussage steht nicht in diesem Text; die ähnlichste Stelle ist rot unterstrichen (der Inspektor bietet sie als Zitat an).</translation>
    </message>
    <message>
        <source>&amp;New Claim from Selection</source>
        <translation>&amp;Neue Aussage aus der Auswahl</translation>
    </message>
    <message>
        <source>Set as &amp;Quote of the Selected Claim</source>
        <translation>Als &amp;Zitat der ausgewählten Aussage setzen</translation>
    </message>
    <message>
        <source>&lt;i&gt;No map open.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine Karte geöffnet.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Select a claim to read its source here.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie eine Aussage aus, um hier ihre Quelle zu lesen.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>this source&apos;s text</source>
        <translation>der Text dieser Quelle</translation>
    </message>
    <message>
        <source>{file} is not in {folders}</source>
        <translation>{file} liegt nicht in {folders}</translation>
    </message>
    <message>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <source>no sources folder is set (File → Sources Folder…, &lt;tt&gt;argmap gui --sources DIR&lt;/tt&gt;, or &lt;tt&gt;source_folder&lt;/tt&gt; in the map&apos;s header)</source>
        <translation>kein Quellenordner ist gesetzt (Datei → Quellenordner…, &lt;tt&gt;argmap gui --sources DIR&lt;/tt&gt; oder &lt;tt&gt;source_folder&lt;/tt&gt; im Kopf der Karte)</translation>
    </message>
    <message>
        <source>The text is not shown: {reason}.</source>
        <translation>Der Text wird nicht angezeigt: {reason}.</translation>
    </message>
</context>
<context>
    <name>StrengthsMenu</name>
    <message>
        <source>Show &amp;Strengths</source>
        <extracomment>up to this many claims strengths are computed with the edit</extracomment>
        <translation>&amp;Stärken zeigen</translation>
    </message>
    <message>
        <source>A bar on every claim: its strength from its base score, its reasons and its objections (gradual semantics)</source>
        <translation>Ein Balken auf jeder Aussage: ihre Stärke aus Grundwert, Gründen und Einwänden (graduelle Semantik)</translation>
    </message>
</context>
<context>
    <name>VersionDialog</name>
    <message>
        <source>Compare With Version</source>
        <translation>Mit Version vergleichen</translation>
    </message>
    <message>
        <source>The versions of {file} in git. The map as it is open now is compared with the one chosen.</source>
        <translation>Die Versionen von {file} in git. Die Karte, wie sie jetzt geöffnet ist, wird mit der gewählten verglichen.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
</context>
</TS>
