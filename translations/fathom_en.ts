<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ImageExport</name>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <source>Save Image</source>
        <translation>Save Image</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg *.jpeg)</source>
        <translation>PNG image (*.png);;JPEG image (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation>Copy Image</translation>
    </message>
    <message>
        <source>Save Image…</source>
        <translation>Save Image…</translation>
    </message>
</context>
<context>
    <name>Log</name>
    <message>
        <source>%1: %2 missing cells filled with the last value before them (%3)</source>
        <translation>%1: %2 missing cells filled with the last value before them (%3)</translation>
    </message>
    <message>
        <source>%1: data row %2 is earlier than the row before it; the plot and the splits follow the rows</source>
        <translation>%1: data row %2 is earlier than the row before it; the plot and the splits follow the rows</translation>
    </message>
    <message>
        <source>%1: numbers read with a decimal comma (12,5 as 12.5)</source>
        <translation>%1: numbers read with a decimal comma (12,5 as 12.5)</translation>
    </message>
    <message>
        <source>Retraining %1 with confirmed alerts: %2, rejected: %3</source>
        <translation>Retraining %1 with confirmed alerts: %2, rejected: %3</translation>
    </message>
    <message>
        <source>Training %1 on %2</source>
        <translation>Training %1 on %2</translation>
    </message>
    <message>
        <source>Active model: %1</source>
        <translation>Active model: %1</translation>
    </message>
    <message>
        <source>The series models cannot run on %1 in this build: they train on the cpu</source>
        <translation>The series models cannot run on %1 in this build: they train on the cpu</translation>
    </message>
    <message>
        <source>Contact marked by hand at ping %1</source>
        <translation>Contact marked by hand at ping %1</translation>
    </message>
    <message>
        <source>No class proposed for the marked contact: %1</source>
        <translation>No class proposed for the marked contact: %1</translation>
    </message>
    <message>
        <source>A detection for the contacts before was left</source>
        <translation>A detection for the contacts before was left</translation>
    </message>
    <message>
        <source>Contacts proposed: %1</source>
        <translation>Contacts proposed: %1</translation>
    </message>
    <message>
        <source>Writing the demo survey to %1</source>
        <translation>Writing the demo survey to %1</translation>
    </message>
    <message>
        <source>Close-up of the contact at ping %1: %2</source>
        <translation>Close-up of the contact at ping %1: %2</translation>
    </message>
    <message>
        <source>Another sensor series opened: a new project begins</source>
        <translation>Another sensor series opened: a new project begins</translation>
    </message>
    <message>
        <source>%1: the active model %2 is gone</source>
        <translation>%1: the active model %2 is gone</translation>
    </message>
    <message>
        <source>Detection settings changed</source>
        <translation>Detection settings changed</translation>
    </message>
    <message>
        <source>Another survey opened: a new project begins</source>
        <translation>Another survey opened: a new project begins</translation>
    </message>
    <message>
        <source>%1 runs %2, this app %3</source>
        <translation>%1 runs %2, this app %3</translation>
    </message>
    <message>
        <source>Remote training on %1 in %2, process %3</source>
        <translation>Remote training on %1 in %2, process %3</translation>
    </message>
    <message>
        <source>Remote training on %1 finished; models brought back: %2</source>
        <translation>Remote training on %1 finished; models brought back: %2</translation>
    </message>
    <message>
        <source>Indexed %1: %2 pings</source>
        <translation>Indexed %1: %2 pings</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Opened %1</translation>
    </message>
    <message>
        <source>Opened %1 (indexing the rest)</source>
        <translation>Opened %1 (indexing the rest)</translation>
    </message>
    <message>
        <source>Alert settings changed: above %1, closing below %2 × it, at least %3 rows, merged across %4</source>
        <translation>Alert settings changed: above %1, closing below %2 × it, at least %3 rows, merged across %4</translation>
    </message>
</context>
<context>
    <name>fathom::AboutDialog</name>
    <message>
        <source>About Fathom</source>
        <translation>About Fathom</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Fathom %1&lt;/h2&gt;&lt;p&gt;Workbench for seabed survey analysts: sidescan sonar, sensor series, deep models and reports.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Fathom %1&lt;/h2&gt;&lt;p&gt;Workbench for seabed survey analysts: sidescan sonar, sensor series, deep models and reports.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>fathom::AlertSettingsDialog</name>
    <message>
        <source>Alert Settings</source>
        <translation>Alert Settings</translation>
    </message>
    <message>
        <source>How the models' anomaly scores become alerts, saved with the project. Alerts already reviewed stay; the others are found again.</source>
        <translation>How the models' anomaly scores become alerts, saved with the project. Alerts already reviewed stay; the others are found again.</translation>
    </message>
    <message>
        <source>An alert opens where the score rises above this. 1 is the threshold the model chose from its training data: higher gives fewer alerts, lower more.</source>
        <translation>An alert opens where the score rises above this. 1 is the threshold the model chose from its training data: higher gives fewer alerts, lower more.</translation>
    </message>
    <message>
        <source> × threshold</source>
        <translation> × threshold</translation>
    </message>
    <message>
        <source>An open alert closes where the score falls below the threshold times this: lower keeps an alert open through a dip (hysteresis).</source>
        <translation>An open alert closes where the score falls below the threshold times this: lower keeps an alert open through a dip (hysteresis).</translation>
    </message>
    <message>
        <source>Alerts shorter than this are dropped as flicker.</source>
        <translation>Alerts shorter than this are dropped as flicker.</translation>
    </message>
    <message>
        <source> rows</source>
        <translation> rows</translation>
    </message>
    <message>
        <source>Two alerts this close or closer become one.</source>
        <translation>Two alerts this close or closer become one.</translation>
    </message>
    <message>
        <source>Alert above score</source>
        <translation>Alert above score</translation>
    </message>
    <message>
        <source>Close below</source>
        <translation>Close below</translation>
    </message>
    <message>
        <source>Shortest alert</source>
        <translation>Shortest alert</translation>
    </message>
    <message>
        <source>Merge alerts apart by up to</source>
        <translation>Merge alerts apart by up to</translation>
    </message>
    <message>
        <source>The rules the model was trained with</source>
        <translation>The rules the model was trained with</translation>
    </message>
    <message numerus="yes">
        <source>The active model finds %n alert(s) over the series by these rules (%1 now).</source>
        <translation><numerusform>The active model finds %n alert over the series by these rules (%1 now).</numerusform><numerusform>The active model finds %n alerts over the series by these rules (%1 now).</numerusform></translation>
    </message>
</context>
<context>
    <name>fathom::AlertTable</name>
    <message numerus="yes">
        <source>%n alert(s): %1 confirmed, %2 rejected, %3 shown</source>
        <translation><numerusform>%n alert: %1 confirmed, %2 rejected, %3 shown</numerusform><numerusform>%n alerts: %1 confirmed, %2 rejected, %3 shown</numerusform></translation>
    </message>
    <message>
        <source>Filter by channel, model or note</source>
        <translation>Filter by channel, model or note</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Seconds</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
</context>
<context>
    <name>fathom::AnalysisController</name>
    <message>
        <source>Loading %1…</source>
        <translation>Loading %1…</translation>
    </message>
    <message>
        <source>No folder for trained models: open or save a project first.</source>
        <translation>No folder for trained models: open or save a project first.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Training stopped: %1</source>
        <translation>Training stopped: %1</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n model(s) finished and kept</source>
        <translation><numerusform>Cancelled: %n model finished and kept</numerusform><numerusform>Cancelled: %n models finished and kept</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n model(s) trained</source>
        <translation><numerusform>Finished: %n model trained</numerusform><numerusform>Finished: %n models trained</numerusform></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Resumed</translation>
    </message>
    <message>
        <source>Running %1 over the series…</source>
        <translation>Running %1 over the series…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n alert(s)</source>
        <translation><numerusform>%1: %n alert</numerusform><numerusform>%1: %n alerts</numerusform></translation>
    </message>
    <message>
        <source>Confirm alert</source>
        <translation>Confirm alert</translation>
    </message>
    <message>
        <source>Reject alert</source>
        <translation>Reject alert</translation>
    </message>
    <message>
        <source>Set alert back to new</source>
        <translation>Set alert back to new</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <source>Retraining needs an active model and an open series.</source>
        <translation>Retraining needs an active model and an open series.</translation>
    </message>
    <message>
        <source>Training %1 on %2</source>
        <translation>Training %1 on %2</translation>
    </message>
    <message>
        <source>%1 epoch %2/%3: training loss %4, validation loss %5, %6 samples/s</source>
        <translation>%1 epoch %2/%3: training loss %4, validation loss %5, %6 samples/s</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Done: %1</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Stopped: %1</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>not reviewed</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 to %3 (rows %4–%5) · score %6 (1 is the threshold) · model %7 · %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 to %3 (rows %4–%5) · score %6 (1 is the threshold) · model %7 · %8</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 at the peak: %2</source>
        <translation>&lt;br&gt;%1 at the peak: %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;Note: %1</source>
        <translation>&lt;br&gt;Note: %1</translation>
    </message>
    <message>
        <source>Comparing %1 and %2…</source>
        <translation>Comparing %1 and %2…</translation>
    </message>
    <message>
        <source>validation MSE</source>
        <translation>validation MSE</translation>
    </message>
    <message>
        <source>test MSE</source>
        <translation>test MSE</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>epochs</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>parameters</translation>
    </message>
    <message>
        <source>training time (s)</source>
        <translation>training time (s)</translation>
    </message>
    <message>
        <source>device</source>
        <translation>device</translation>
    </message>
    <message>
        <source>alerts on this series</source>
        <translation>alerts on this series</translation>
    </message>
    <message>
        <source>Mark anomaly</source>
        <translation>Mark anomaly</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <source>the run on %1 started before Fathom closed</source>
        <translation>the run on %1 started before Fathom closed</translation>
    </message>
    <message>
        <source>That alert was found by model %1: reject it (X) instead, or its next run would find it again.</source>
        <translation>That alert was found by model %1: reject it (X) instead, or its next run would find it again.</translation>
    </message>
    <message>
        <source>Delete anomaly mark</source>
        <translation>Delete anomaly mark</translation>
    </message>
    <message>
        <source>Delete Anomaly Mark</source>
        <translation>Delete Anomaly Mark</translation>
    </message>
    <message>
        <source>Note on the alert:</source>
        <translation>Note on the alert:</translation>
    </message>
    <message>
        <source> · alerts above %1 by the Alert Settings</source>
        <translation> · alerts above %1 by the Alert Settings</translation>
    </message>
</context>
<context>
    <name>fathom::ContactGallery</name>
    <message>
        <source>Contact Gallery</source>
        <translation>Contact Gallery</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>no class</source>
        <translation>no class</translation>
    </message>
    <message>
        <source>Ping %1 · %2
%3 · %4</source>
        <translation>Ping %1 · %2
%3 · %4</translation>
    </message>
    <message>
        <source>starboard</source>
        <translation>starboard</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Every contact up close, in the Contacts dock's order (sort the dock to change it). C confirms, X rejects, U sets back to new, 1–6 give the class, Delete removes one you marked; the one chosen is shown on the waterfall.</source>
        <translation>Every contact up close, in the Contacts dock's order (sort the dock to change it). C confirms, X rejects, U sets back to new, 1–6 give the class, Delete removes one you marked; the one chosen is shown on the waterfall.</translation>
    </message>
    <message>
        <source>, water column</source>
        <translation>, water column</translation>
    </message>
</context>
<context>
    <name>fathom::ContactTable</name>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Side</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Range (m)</source>
        <translation>Range (m)</translation>
    </message>
    <message>
        <source>Length (m)</source>
        <translation>Length (m)</translation>
    </message>
    <message>
        <source>Width (m)</source>
        <translation>Width (m)</translation>
    </message>
    <message>
        <source>Height (m)</source>
        <translation>Height (m)</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>Detector</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s): %1 confirmed, %2 rejected, %3 shown</source>
        <translation><numerusform>%n contact: %1 confirmed, %2 rejected, %3 shown</numerusform><numerusform>%n contacts: %1 confirmed, %2 rejected, %3 shown</numerusform></translation>
    </message>
    <message>
        <source>Filter by class, detector or note · keys 1–6 set the class</source>
        <translation>Filter by class, detector or note · keys 1–6 set the class</translation>
    </message>
    <message>
        <source>cylinder</source>
        <translation>cylinder</translation>
    </message>
    <message>
        <source>cone</source>
        <translation>cone</translation>
    </message>
    <message>
        <source>sphere</source>
        <translation>sphere</translation>
    </message>
    <message>
        <source>rock</source>
        <translation>rock</translation>
    </message>
    <message>
        <source>debris</source>
        <translation>debris</translation>
    </message>
    <message>
        <source>wreck</source>
        <translation>wreck</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>analyst</translation>
    </message>
    <message>
        <source>classical</source>
        <translation>classical</translation>
    </message>
    <message>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>fused</source>
        <translation>fused</translation>
    </message>
    <message>
        <source>CNN (%)</source>
        <translation>CNN (%)</translation>
    </message>
</context>
<context>
    <name>fathom::ContactsController</name>
    <message>
        <source>Looking for contacts in %1…</source>
        <translation>Looking for contacts in %1…</translation>
    </message>
    <message>
        <source>starboard</source>
        <translation>starboard</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>Confirm contact</source>
        <translation>Confirm contact</translation>
    </message>
    <message>
        <source>Reject contact</source>
        <translation>Reject contact</translation>
    </message>
    <message>
        <source>Set contact class</source>
        <translation>Set contact class</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <source>Confirm some contacts first (C in the Contacts dock): the detector learns from them.</source>
        <translation>Confirm some contacts first (C in the Contacts dock): the detector learns from them.</translation>
    </message>
    <message>
        <source>Retraining was cancelled; the detector is unchanged.</source>
        <translation>Retraining was cancelled; the detector is unchanged.</translation>
    </message>
    <message>
        <source>best epoch %1 of %2, %3 s</source>
        <translation>best epoch %1 of %2, %3 s</translation>
    </message>
    <message>
        <source>A contact's box may span at most %1 pings: zoom in and draw it round the object.</source>
        <translation>A contact's box may span at most %1 pings: zoom in and draw it round the object.</translation>
    </message>
    <message>
        <source>Mark contact</source>
        <translation>Mark contact</translation>
    </message>
    <message>
        <source>marked</source>
        <translation>marked</translation>
    </message>
    <message>
        <source>Contact back to new</source>
        <translation>Contact back to new</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>No class</source>
        <translation>No class</translation>
    </message>
    <message>
        <source>The contact at ping %1 was proposed by a detector: reject it (X) instead, or a new detection would propose it again.</source>
        <translation>The contact at ping %1 was proposed by a detector: reject it (X) instead, or a new detection would propose it again.</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <source>Delete Contact</source>
        <translation>Delete Contact</translation>
    </message>
    <message>
        <source>Set Height to %1 m (as measured)</source>
        <translation>Set Height to %1 m (as measured)</translation>
    </message>
    <message>
        <source>Set contact height</source>
        <translation>Set contact height</translation>
    </message>
    <message>
        <source>That object is already listed (ping %1): review it there.</source>
        <translation>That object is already listed (ping %1): review it there.</translation>
    </message>
    <message>
        <source>marked by the analyst</source>
        <translation>marked by the analyst</translation>
    </message>
    <message>
        <source>score %1 (%2)</source>
        <translation>score %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · %3, %4 · %5 m across · %6 × %7 m, %8 m high (from its shadow) · %9</source>
        <translation>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · %3, %4 · %5 m across · %6 × %7 m, %8 m high (from its shadow) · %9</translation>
    </message>
    <message>
        <source>Note on the contact at ping %1:</source>
        <translation>Note on the contact at ping %1:</translation>
    </message>
    <message>
        <source>Contact marked at ping %1: %2 × %3 m, %4 m high. %5Keys 1–6 give its class, Enter a note; Ctrl+Z takes it back.</source>
        <translation>Contact marked at ping %1: %2 × %3 m, %4 m high. %5Keys 1–6 give its class, Enter a note; Ctrl+Z takes it back.</translation>
    </message>
    <message>
        <source>The CNN is unsure of its class (%1 at %2 %).</source>
        <translation>The CNN is unsure of its class (%1 at %2 %).</translation>
    </message>
    <message>
        <source>The CNN takes it for a %1 (%2 %): the class is filled in.</source>
        <translation>The CNN takes it for a %1 (%2 %): the class is filled in.</translation>
    </message>
    <message>
        <source>The CNN sees no object there (%1 %): is it the brightest speckle?</source>
        <translation>The CNN sees no object there (%1 %): is it the brightest speckle?</translation>
    </message>
    <message>
        <source>; the CNN sees no object in its box (%1 %)</source>
        <translation>; the CNN sees no object in its box (%1 %)</translation>
    </message>
    <message>
        <source>; the CNN took it for a %1 (%2 %; an object, %3 %)</source>
        <translation>; the CNN took it for a %1 (%2 %; an object, %3 %)</translation>
    </message>
    <message>
        <source>Contact marked at ping %1, in the water column: %2 × %3 m (across in slant range). Keys 1–6 give its class, Enter a note; Ctrl+Z takes it back.</source>
        <translation>Contact marked at ping %1, in the water column: %2 × %3 m (across in slant range). Keys 1–6 give its class, Enter a note; Ctrl+Z takes it back.</translation>
    </message>
    <message>
        <source>%1 m out, %2 m above the seabed (from where its shadow falls), over %3, %4</source>
        <translation>%1 m out, %2 m above the seabed (from where its shadow falls), over %3, %4</translation>
    </message>
    <message>
        <source>no shadow found to place it: under the towfish at %1, %2</source>
        <translation>no shadow found to place it: under the towfish at %1, %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · in the water column, %3 m slant range from the towfish; %4 · %5 m along, %6 m across in slant range · %7</source>
        <translation>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · in the water column, %3 m slant range from the towfish; %4 · %5 m along, %6 m across in slant range · %7</translation>
    </message>
    <message>
        <source> · water column</source>
        <translation> · water column</translation>
    </message>
    <message>
        <source>Detection cancelled: the contacts are as they were.</source>
        <translation>Detection cancelled: the contacts are as they were.</translation>
    </message>
    <message>
        <source>Retraining stopped: other contacts were opened meanwhile.</source>
        <translation>Retraining stopped: other contacts were opened meanwhile.</translation>
    </message>
</context>
<context>
    <name>fathom::DetectionSettingsDialog</name>
    <message>
        <source>Detection Settings</source>
        <translation>Detection Settings</translation>
    </message>
    <message>
        <source>Saved with the project and used by the next Detect Contacts. Contacts already reviewed stay; the others are proposed again.</source>
        <translation>Saved with the project and used by the next Detect Contacts. Contacts already reviewed stay; the others are proposed again.</translation>
    </message>
    <message>
        <source>Classical detector (highlight and shadow)</source>
        <translation>Classical detector (highlight and shadow)</translation>
    </message>
    <message>
        <source> × local mean</source>
        <translation> × local mean</translation>
    </message>
    <message>
        <source>A highlight is brighter than this many times the seabed around it. Higher: fewer, brighter contacts.</source>
        <translation>A highlight is brighter than this many times the seabed around it. Higher: fewer, brighter contacts.</translation>
    </message>
    <message>
        <source>A shadow is darker than this share of the seabed around it. Lower: only deep shadows.</source>
        <translation>A shadow is darker than this share of the seabed around it. Lower: only deep shadows.</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Shorter shadows behind a highlight are taken for seabed texture.</source>
        <translation>Shorter shadows behind a highlight are taken for seabed texture.</translation>
    </message>
    <message>
        <source>Contacts scored lower are not proposed.</source>
        <translation>Contacts scored lower are not proposed.</translation>
    </message>
    <message>
        <source>Also look for large objects such as wrecks (a coarse pass)</source>
        <translation>Also look for large objects such as wrecks (a coarse pass)</translation>
    </message>
    <message>
        <source>Look into the water column for moored objects</source>
        <translation>Look into the water column for moored objects</translation>
    </message>
    <message>
        <source>Highlight above</source>
        <translation>Highlight above</translation>
    </message>
    <message>
        <source>Shadow below</source>
        <translation>Shadow below</translation>
    </message>
    <message>
        <source>Shortest shadow</source>
        <translation>Shortest shadow</translation>
    </message>
    <message>
        <source>Lowest score</source>
        <translation>Lowest score</translation>
    </message>
    <message>
        <source>CNN detector</source>
        <translation>CNN detector</translation>
    </message>
    <message>
        <source>Boxes the network scores lower are not proposed.</source>
        <translation>Boxes the network scores lower are not proposed.</translation>
    </message>
    <message>
        <source> × its level</source>
        <translation> × its level</translation>
    </message>
    <message>
        <source>An echo in the water column is an object's when it is this many times brighter than the water column at that range. Higher on a noisy water column (fish, wakes).</source>
        <translation>An echo in the water column is an object's when it is this many times brighter than the water column at that range. Higher on a noisy water column (fish, wakes).</translation>
    </message>
    <message>
        <source>Water-column echo above</source>
        <translation>Water-column echo above</translation>
    </message>
</context>
<context>
    <name>fathom::DevicePanel</name>
    <message>
        <source>Automatic (CUDA, then MPS, then CPU) — now %1</source>
        <translation>Automatic (CUDA, then MPS, then CPU) — now %1</translation>
    </message>
    <message>
        <source>  (in use)</source>
        <translation>  (in use)</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%1 free of %2</translation>
    </message>
    <message>
        <source>Compute capability</source>
        <translation>Compute capability</translation>
    </message>
    <message>
        <source>Multiprocessors</source>
        <translation>Multiprocessors</translation>
    </message>
    <message>
        <source>PCI bus</source>
        <translation>PCI bus</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>Cores</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>SIMD</source>
        <translation>SIMD</translation>
    </message>
    <message>
        <source>Native bf16</source>
        <translation>Native bf16</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>batch %1, workers %2, memory limit %3, mixed precision %4</source>
        <translation>batch %1, workers %2, memory limit %3, mixed precision %4</translation>
    </message>
    <message>
        <source>LibTorch</source>
        <translation>LibTorch</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>not built in</source>
        <translation>not built in</translation>
    </message>
    <message>
        <source>cuDNN</source>
        <translation>cuDNN</translation>
    </message>
    <message>
        <source>MPS</source>
        <translation>MPS</translation>
    </message>
    <message>
        <source>BLAS</source>
        <translation>BLAS</translation>
    </message>
    <message>
        <source>OpenMP</source>
        <translation>OpenMP</translation>
    </message>
    <message>
        <source>oneDNN</source>
        <translation>oneDNN</translation>
    </message>
    <message>
        <source>Threads (intra-op / inter-op)</source>
        <translation>Threads (intra-op / inter-op)</translation>
    </message>
    <message>
        <source>Fathom process</source>
        <translation>Fathom process</translation>
    </message>
    <message>
        <source>%1 utilisation (%)</source>
        <translation>%1 utilisation (%)</translation>
    </message>
    <message>
        <source>Active &amp;device:</source>
        <translation>Active &amp;device:</translation>
    </message>
    <message>
        <source>The device that training and inference run on</source>
        <translation>The device that training and inference run on</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capabilities</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Time (s)</translation>
    </message>
    <message>
        <source>Memory (GiB)</source>
        <translation>Memory (GiB)</translation>
    </message>
    <message>
        <source>Utilisation (%)</source>
        <translation>Utilisation (%)</translation>
    </message>
    <message>
        <source>Host memory used (of %1)</source>
        <translation>Host memory used (of %1)</translation>
    </message>
    <message>
        <source>%1 memory used (of %2)</source>
        <translation>%1 memory used (of %2)</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>Inference</translation>
    </message>
    <message>
        <source>bf16 (PatchTST and DLinear in fp32)</source>
        <translation>bf16 (PatchTST and DLinear in fp32)</translation>
    </message>
</context>
<context>
    <name>fathom::MainWindow</name>
    <message>
        <source>Unknown device “%1”: expected auto, cpu, cuda, cuda:N or mps. Using the CPU.</source>
        <translation>Unknown device “%1”: expected auto, cpu, cuda, cuda:N or mps. Using the CPU.</translation>
    </message>
    <message>
        <source>%1 was requested, but this build of LibTorch has no CUDA. Using the CPU.</source>
        <translation>%1 was requested, but this build of LibTorch has no CUDA. Using the CPU.</translation>
    </message>
    <message>
        <source>%1 was requested, but no CUDA GPU is available. Using the CPU.</source>
        <translation>%1 was requested, but no CUDA GPU is available. Using the CPU.</translation>
    </message>
    <message>
        <source>%1 is not present on this machine. Using the CPU.</source>
        <translation>%1 is not present on this machine. Using the CPU.</translation>
    </message>
    <message>
        <source>MPS (Apple Metal) is not available on this machine. Using the CPU.</source>
        <translation>MPS (Apple Metal) is not available on this machine. Using the CPU.</translation>
    </message>
    <message>
        <source>Fathom — seabed survey workbench</source>
        <translation>Fathom — seabed survey workbench</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Survey</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>No survey is open.

Sidescan files and the sensor series recorded with them will be listed here.</source>
        <translation>No survey is open.

Sidescan files and the sensor series recorded with them will be listed here.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Show &amp;Log Folder</source>
        <translation>Show &amp;Log Folder</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>&amp;Reset Layout</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Full Screen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Copy Device Report</source>
        <translation>&amp;Copy Device Report</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Fathom</source>
        <translation>&amp;About Fathom</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>Active device: %1</source>
        <translation>Active device: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Device: %1</translation>
    </message>
    <message>
        <source>Host %1 of %2 · Fathom %3</source>
        <translation>Host %1 of %2 · Fathom %3</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %2 of %3</translation>
    </message>
    <message>
        <source>%1 not answering</source>
        <translation>%1 not answering</translation>
    </message>
    <message>
        <source>, %1 % busy</source>
        <translation>, %1 % busy</translation>
    </message>
    <message>
        <source>Device report copied to the clipboard</source>
        <translation>Device report copied to the clipboard</translation>
    </message>
    <message>
        <source>Automatic (CUDA, then MPS, then CPU)</source>
        <translation>Automatic (CUDA, then MPS, then CPU)</translation>
    </message>
    <message>
        <source>Open Survey</source>
        <translation>Open Survey</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n ping(s)</source>
        <translation><numerusform>Opened %1: %n ping</numerusform><numerusform>Opened %1: %n pings</numerusform></translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>Could not open %1</translation>
    </message>
    <message>
        <source>Cannot open survey</source>
        <translation>Cannot open survey</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>starboard</source>
        <translation>starboard</translation>
    </message>
    <message>
        <source>&amp;Go to Ping…</source>
        <translation>&amp;Go to Ping…</translation>
    </message>
    <message>
        <source>Sidescan files (*.xtf *.XTF *.jsf *.JSF);;Waterfall pictures (*.png *.tif *.tiff *.jpg *.jpeg);;All files (*)</source>
        <translation>Sidescan files (*.xtf *.XTF *.jsf *.JSF);;Waterfall pictures (*.png *.tif *.tiff *.jpg *.jpeg);;All files (*)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>E %1, N %2</source>
        <translation>E %1, N %2</translation>
    </message>
    <message>
        <source>Distance across the seabed: %1 m</source>
        <translation>Distance across the seabed: %1 m</translation>
    </message>
    <message>
        <source>Go to Ping</source>
        <translation>Go to Ping</translation>
    </message>
    <message>
        <source>Ping (0 – %1):</source>
        <translation>Ping (0 – %1):</translation>
    </message>
    <message>
        <source> · as a shadow: an object %1 m high</source>
        <translation> · as a shadow: an object %1 m high</translation>
    </message>
    <message>
        <source>Go to &amp;Time…</source>
        <translation>Go to &amp;Time…</translation>
    </message>
    <message>
        <source>Ping %1 · %2 · %3, slant %4 m, across %5 m · %6</source>
        <translation>Ping %1 · %2 · %3, slant %4 m, across %5 m · %6</translation>
    </message>
    <message>
        <source>Go to Time</source>
        <translation>Go to Time</translation>
    </message>
    <message>
        <source>Time (UTC, HH:mm:ss) on %1:</source>
        <translation>Time (UTC, HH:mm:ss) on %1:</translation>
    </message>
    <message>
        <source>“%1” is not a time: write it as 14:05:30</source>
        <translation>“%1” is not a time: write it as 14:05:30</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Fathom</source>
        <translation>Fathom</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s)</source>
        <translation><numerusform>%1: %n row</numerusform><numerusform>%1: %n rows</numerusform></translation>
    </message>
    <message>
        <source>Delete Model</source>
        <translation>Delete Model</translation>
    </message>
    <message>
        <source>Delete the trained model in %1? This cannot be undone.</source>
        <translation>Delete the trained model in %1? This cannot be undone.</translation>
    </message>
    <message>
        <source>Open Sensor Series</source>
        <translation>Open Sensor Series</translation>
    </message>
    <message>
        <source>Sensor series (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Sensor series (*.csv *.tsv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Restore Unsaved Work</source>
        <translation>Restore Unsaved Work</translation>
    </message>
    <message>
        <source>Fathom did not close properly last time. Restore the work it saved on %1?</source>
        <translation>Fathom did not close properly last time. Restore the work it saved on %1?</translation>
    </message>
    <message>
        <source>%1[*] — Fathom</source>
        <translation>%1[*] — Fathom</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>&amp;Open Project…</translation>
    </message>
    <message>
        <source>Open &amp;Recent Project</source>
        <translation>Open &amp;Recent Project</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>&amp;Save Project</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>Save Project &amp;As…</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Open Project</translation>
    </message>
    <message>
        <source>Opened project %1</source>
        <translation>Opened project %1</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>Save Project</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <source>Fathom projects (*.fathom)</source>
        <translation>Fathom projects (*.fathom)</translation>
    </message>
    <message>
        <source>Fathom projects (*.fathom);;All files (*)</source>
        <translation>Fathom projects (*.fathom);;All files (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Unsaved Changes</translation>
    </message>
    <message>
        <source>The project has changes that are not saved. Save them first?</source>
        <translation>The project has changes that are not saved. Save them first?</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>Compare Models</translation>
    </message>
    <message>
        <source>Both forecasts are drawn on the series; the Channels menu hides either.</source>
        <translation>Both forecasts are drawn on the series; the Channels menu hides either.</translation>
    </message>
    <message>
        <source>Inputs Moved</source>
        <translation>Inputs Moved</translation>
    </message>
    <message>
        <source>These files of the project are not where it says:
%1

Locate them? The alerts, reviews and models stay as they are either way.</source>
        <translation>These files of the project are not where it says:
%1

Locate them? The alerts, reviews and models stay as they are either way.</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>Locate…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Locate %1</source>
        <translation>Locate %1</translation>
    </message>
    <message>
        <source>Sidescan files (*.xtf *.XTF *.jsf *.JSF);;All files (*)</source>
        <translation>Sidescan files (*.xtf *.XTF *.jsf *.JSF);;All files (*)</translation>
    </message>
    <message>
        <source>Open a survey first: contacts are found in its sidescan.</source>
        <translation>Open a survey first: contacts are found in its sidescan.</translation>
    </message>
    <message>
        <source>&amp;Detect Contacts</source>
        <translation>&amp;Detect Contacts</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>Detection</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) proposed</source>
        <translation><numerusform>%n contact proposed</numerusform><numerusform>%n contacts proposed</numerusform></translation>
    </message>
    <message>
        <source>Magnetometer (%1): %2 nT from the local median, %3 s from the contact</source>
        <translation>Magnetometer (%1): %2 nT from the local median, %3 s from the contact</translation>
    </message>
    <message>
        <source>Contacts of the &amp;Classical Detector on the Waterfall</source>
        <translation>Contacts of the &amp;Classical Detector on the Waterfall</translation>
    </message>
    <message>
        <source>&amp;Export Contacts…</source>
        <translation>&amp;Export Contacts…</translation>
    </message>
    <message>
        <source>Export Contacts</source>
        <translation>Export Contacts</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson);;KML for Google Earth (*.kml);;CSV (*.csv)</source>
        <translation>GeoJSON (*.geojson);;KML for Google Earth (*.kml);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) written to %1</source>
        <translation><numerusform>%n contact written to %1</numerusform><numerusform>%n contacts written to %1</numerusform></translation>
    </message>
    <message>
        <source>Export Survey &amp;Mosaic…</source>
        <translation>Export Survey &amp;Mosaic…</translation>
    </message>
    <message>
        <source>Open a survey first: the mosaic is made from its sidescan.</source>
        <translation>Open a survey first: the mosaic is made from its sidescan.</translation>
    </message>
    <message>
        <source>Export Survey Mosaic</source>
        <translation>Export Survey Mosaic</translation>
    </message>
    <message>
        <source>GeoTIFF mosaic (*.tif);;Waterfall image, ground range (*.png)</source>
        <translation>GeoTIFF mosaic (*.tif);;Waterfall image, ground range (*.png)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <source>%1 × %2 pixels of %3 m</source>
        <translation>%1 × %2 pixels of %3 m</translation>
    </message>
    <message>
        <source>%1 written</source>
        <translation>%1 written</translation>
    </message>
    <message>
        <source>Export Alerts</source>
        <translation>Export Alerts</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) written to %1</source>
        <translation><numerusform>%n alert written to %1</numerusform><numerusform>%n alerts written to %1</numerusform></translation>
    </message>
    <message>
        <source>Contacts of the C&amp;NN Detector on the Waterfall</source>
        <translation>Contacts of the C&amp;NN Detector on the Waterfall</translation>
    </message>
    <message>
        <source>&amp;Retrain Detector…</source>
        <translation>&amp;Retrain Detector…</translation>
    </message>
    <message>
        <source>Open a survey first: the detector learns from its confirmed contacts.</source>
        <translation>Open a survey first: the detector learns from its confirmed contacts.</translation>
    </message>
    <message>
        <source>The detectors are busy; try again when they finish.</source>
        <translation>The detectors are busy; try again when they finish.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>Retrain Detector</source>
        <translation>Retrain Detector</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>The survey is still being read: mark contacts once it is indexed.</source>
        <translation>The survey is still being read: mark contacts once it is indexed.</translation>
    </message>
    <message>
        <source>Mark Contact Here</source>
        <translation>Mark Contact Here</translation>
    </message>
    <message>
        <source>The object here becomes a contact, measured from its samples (or Ctrl+drag a box round it)</source>
        <translation>The object here becomes a contact, measured from its samples (or Ctrl+drag a box round it)</translation>
    </message>
    <message>
        <source>no class</source>
        <translation>no class</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · %3 · %4 × %5 × %6 m</source>
        <translation>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · %3 · %4 × %5 × %6 m</translation>
    </message>
    <message>
        <source> · right-click the contact's box to make it its height</source>
        <translation> · right-click the contact's box to make it its height</translation>
    </message>
    <message>
        <source>Select a span first: Shift+drag over the series lanes.</source>
        <translation>Select a span first: Shift+drag over the series lanes.</translation>
    </message>
    <message>
        <source>&amp;Mark Selection as Anomaly</source>
        <translation>&amp;Mark Selection as Anomaly</translation>
    </message>
    <message>
        <source>Open &amp;Demo Survey</source>
        <translation>Open &amp;Demo Survey</translation>
    </message>
    <message>
        <source>Open Demo Survey</source>
        <translation>Open Demo Survey</translation>
    </message>
    <message>
        <source>Open a survey first: the gallery shows its contacts.</source>
        <translation>Open a survey first: the gallery shows its contacts.</translation>
    </message>
    <message>
        <source>That could not be done on the sensor series. What was open, reviewed or trained is kept.</source>
        <translation>That could not be done on the sensor series. What was open, reviewed or trained is kept.</translation>
    </message>
    <message>
        <source>That could not be done on the contacts. The contacts listed and their review are kept.</source>
        <translation>That could not be done on the contacts. The contacts listed and their review are kept.</translation>
    </message>
    <message>
        <source>The contacts could not be written to %1.</source>
        <translation>The contacts could not be written to %1.</translation>
    </message>
    <message>
        <source>The project %1 could not be opened. What was open stays open.</source>
        <translation>The project %1 could not be opened. What was open stays open.</translation>
    </message>
    <message>
        <source>The project could not be saved as %1. Your work stays open in the window; save it elsewhere.</source>
        <translation>The project could not be saved as %1. Your work stays open in the window; save it elsewhere.</translation>
    </message>
    <message>
        <source>The demo survey could not be written.</source>
        <translation>The demo survey could not be written.</translation>
    </message>
    <message>
        <source>The alerts could not be written to %1.</source>
        <translation>The alerts could not be written to %1.</translation>
    </message>
    <message>
        <source>The mosaic could not be written to %1.</source>
        <translation>The mosaic could not be written to %1.</translation>
    </message>
    <message>
        <source>%1 could not be opened as a survey. What was open stays open.</source>
        <translation>%1 could not be opened as a survey. What was open stays open.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · %3 · %4 × %5 m, no height</source>
        <translation>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · %3 · %4 × %5 m, no height</translation>
    </message>
    <message>
        <source>Detection &amp;Settings…</source>
        <translation>Detection &amp;Settings…</translation>
    </message>
    <message>
        <source>The next Detect Contacts (Ctrl+D) uses the new settings.</source>
        <translation>The next Detect Contacts (Ctrl+D) uses the new settings.</translation>
    </message>
    <message>
        <source>Detecting: %p %</source>
        <translation>Detecting: %p %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop looking for contacts; the list stays as it was</source>
        <translation>Stop looking for contacts; the list stays as it was</translation>
    </message>
    <message>
        <source>Open S&amp;urvey…</source>
        <translation>Open S&amp;urvey…</translation>
    </message>
    <message>
        <source>Open Se&amp;nsor Series…</source>
        <translation>Open Se&amp;nsor Series…</translation>
    </message>
    <message>
        <source>Contact Ga&amp;llery…</source>
        <translation>Contact Ga&amp;llery…</translation>
    </message>
    <message>
        <source>Export Aler&amp;ts…</source>
        <translation>Export Aler&amp;ts…</translation>
    </message>
    <message>
        <source>Re&amp;port…</source>
        <translation>Re&amp;port…</translation>
    </message>
    <message>
        <source>&amp;Active Device</source>
        <translation>&amp;Active Device</translation>
    </message>
    <message>
        <source>Forecasts and alerts on the CPU now run in bf16.</source>
        <translation>Forecasts and alerts on the CPU now run in bf16.</translation>
    </message>
    <message>
        <source>Forecasts and alerts on the CPU now run in fp32.</source>
        <translation>Forecasts and alerts on the CPU now run in fp32.</translation>
    </message>
    <message>
        <source>&amp;bf16 Inference on the CPU</source>
        <translation>&amp;bf16 Inference on the CPU</translation>
    </message>
    <message>
        <source>The ensemble and its members about four times as fast on a CPU with Intel AMX (less with AVX-512 BF16 alone, slower with neither; PatchTST and DLinear stay fp32); forecasts move by about a thousandth, and a score right at an alert threshold may fall on the other side.</source>
        <translation>The ensemble and its members about four times as fast on a CPU with Intel AMX (less with AVX-512 BF16 alone, slower with neither; PatchTST and DLinear stay fp32); forecasts move by about a thousandth, and a score right at an alert threshold may fall on the other side.</translation>
    </message>
    <message>
        <source>Choose the Data to Train On</source>
        <translation>Choose the Data to Train On</translation>
    </message>
    <message>
        <source>The next model run over the series uses the new alert settings.</source>
        <translation>The next model run over the series uses the new alert settings.</translation>
    </message>
    <message>
        <source>Alert Sett&amp;ings…</source>
        <translation>Alert Sett&amp;ings…</translation>
    </message>
</context>
<context>
    <name>fathom::ModelSettingsDialog</name>
    <message>
        <source>Model Settings</source>
        <translation>Model Settings</translation>
    </message>
    <message>
        <source>Every model</source>
        <translation>Every model</translation>
    </message>
    <message>
        <source>Dropout:</source>
        <translation>Dropout:</translation>
    </message>
    <message>
        <source>PatchTST</source>
        <translation>PatchTST</translation>
    </message>
    <message>
        <source>twice the width</source>
        <translation>twice the width</translation>
    </message>
    <message>
        <source>Learned scale and shift around the instance normalisation (RevIN)</source>
        <translation>Learned scale and shift around the instance normalisation (RevIN)</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Width:</translation>
    </message>
    <message>
        <source>Attention heads:</source>
        <translation>Attention heads:</translation>
    </message>
    <message>
        <source>Encoder layers:</source>
        <translation>Encoder layers:</translation>
    </message>
    <message>
        <source>Feed-forward width:</source>
        <translation>Feed-forward width:</translation>
    </message>
    <message>
        <source>Patch length:</source>
        <translation>Patch length:</translation>
    </message>
    <message>
        <source>Patch stride:</source>
        <translation>Patch stride:</translation>
    </message>
    <message>
        <source>The paper's ETTh1 sizes: width 16, 4 heads, feed-forward 128, dropout 0.3.</source>
        <translation>The paper's ETTh1 sizes: width 16, 4 heads, feed-forward 128, dropout 0.3.</translation>
    </message>
    <message>
        <source>The width (%1) must be a multiple of the attention heads (%2).</source>
        <translation>The width (%1) must be a multiple of the attention heads (%2).</translation>
    </message>
</context>
<context>
    <name>fathom::RemoteTrainer</name>
    <message>
        <source>%1: %2 of %3 MiB</source>
        <translation>%1: %2 of %3 MiB</translation>
    </message>
    <message>
        <source>, %1 % busy</source>
        <translation>, %1 % busy</translation>
    </message>
    <message>
        <source>training process %1 MiB</source>
        <translation>training process %1 MiB</translation>
    </message>
    <message>
        <source>host memory %1 of %2 MiB free</source>
        <translation>host memory %1 of %2 MiB free</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>On %1: %2</translation>
    </message>
    <message>
        <source>Could not run ssh (%1): remote training needs the OpenSSH client.</source>
        <translation>Could not run ssh (%1): remote training needs the OpenSSH client.</translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: %2</source>
        <translation>Could not reach %1 over SSH: %2</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>No remote host given: name one from your ~/.ssh/config, or user@host.</source>
        <translation>No remote host given: name one from your ~/.ssh/config, or user@host.</translation>
    </message>
    <message>
        <source>%1: no such data file to copy to %2.</source>
        <translation>%1: no such data file to copy to %2.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <source>%1 has no fathom-cli at “%2”: install Fathom's headless engine there, or give its path.</source>
        <translation>%1 has no fathom-cli at “%2”: install Fathom's headless engine there, or give its path.</translation>
    </message>
    <message>
        <source>fathom-cli on %1 did not start: %2</source>
        <translation>fathom-cli on %1 did not start: %2</translation>
    </message>
    <message>
        <source>%1 runs %2; this app is %3.</source>
        <translation>%1 runs %2; this app is %3.</translation>
    </message>
    <message>
        <source>Could not make the run folder %1 on %2: %3</source>
        <translation>Could not make the run folder %1 on %2: %3</translation>
    </message>
    <message>
        <source>Copying %1 to %2 (%3 of %4)…</source>
        <translation>Copying %1 to %2 (%3 of %4)…</translation>
    </message>
    <message>
        <source>Could not copy %1 to %2: %3</source>
        <translation>Could not copy %1 to %2: %3</translation>
    </message>
    <message>
        <source>Starting the training on %1…</source>
        <translation>Starting the training on %1…</translation>
    </message>
    <message>
        <source>Could not start the training on %1: %2</source>
        <translation>Could not start the training on %1: %2</translation>
    </message>
    <message>
        <source>Training on %1 in %2</source>
        <translation>Training on %1 in %2</translation>
    </message>
    <message>
        <source>Reattached to the run on %1</source>
        <translation>Reattached to the run on %1</translation>
    </message>
    <message>
        <source>Lost the connection to %1; the run goes on there. Reattaching in %2 s…</source>
        <translation>Lost the connection to %1; the run goes on there. Reattaching in %2 s…</translation>
    </message>
    <message>
        <source>Cancelled the run on %1</source>
        <translation>Cancelled the run on %1</translation>
    </message>
    <message>
        <source>The training on %1 was stopped from outside Fathom; what it wrote stays in %2 there.</source>
        <translation>The training on %1 was stopped from outside Fathom; what it wrote stays in %2 there.</translation>
    </message>
    <message>
        <source>The training on %1 failed: %2</source>
        <translation>The training on %1 failed: %2</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>exit status %1</translation>
    </message>
    <message>
        <source>Bringing the trained models back from %1…</source>
        <translation>Bringing the trained models back from %1…</translation>
    </message>
    <message>
        <source>Could not write to %1: the models stay on %2 in %3.</source>
        <translation>Could not write to %1: the models stay on %2 in %3.</translation>
    </message>
    <message>
        <source>Could not bring the models back from %1 (%2); they stay there in %3.</source>
        <translation>Could not bring the models back from %1 (%2); they stay there in %3.</translation>
    </message>
    <message>
        <source>the transfer broke</source>
        <translation>the transfer broke</translation>
    </message>
    <message>
        <source>Could not replace %1: the new model stays in %2.</source>
        <translation>Could not replace %1: the new model stays in %2.</translation>
    </message>
    <message>
        <source>Could not move the model into %1: it stays in %2.</source>
        <translation>Could not move the model into %1: it stays in %2.</translation>
    </message>
    <message numerus="yes">
        <source>Finished on %1: %n model(s) brought back</source>
        <translation><numerusform>Finished on %1: %n model brought back</numerusform><numerusform>Finished on %1: %n models brought back</numerusform></translation>
    </message>
    <message>
        <source>Stopping the run on %1…</source>
        <translation>Stopping the run on %1…</translation>
    </message>
    <message>
        <source>Could not reach %1 to stop the run (%2); it may still be running there in %3.</source>
        <translation>Could not reach %1 to stop the run (%2); it may still be running there in %3.</translation>
    </message>
    <message>
        <source>Could not pause the run on %1: %2</source>
        <translation>Could not pause the run on %1: %2</translation>
    </message>
    <message>
        <source>Could not resume the run on %1: %2</source>
        <translation>Could not resume the run on %1: %2</translation>
    </message>
    <message>
        <source>Paused on %1</source>
        <translation>Paused on %1</translation>
    </message>
    <message>
        <source>Resumed on %1</source>
        <translation>Resumed on %1</translation>
    </message>
    <message>
        <source>Following the run on %1 in %2 again…</source>
        <translation>Following the run on %1 in %2 again…</translation>
    </message>
    <message>
        <source>Reading the data set to send to %1…</source>
        <translation>Reading the data set to send to %1…</translation>
    </message>
    <message>
        <source>Could not read %1 to send it to %2.</source>
        <translation>Could not read %1 to send it to %2.</translation>
    </message>
    <message>
        <source>%1 is already on %2: not sent again (%3 of %4)</source>
        <translation>%1 is already on %2: not sent again (%3 of %4)</translation>
    </message>
    <message>
        <source> (%1 runs %2; this app needs fathom-cli %3 there)</source>
        <translation> (%1 runs %2; this app needs fathom-cli %3 there)</translation>
    </message>
    <message>
        <source>On %1: no memory figures from that system</source>
        <translation>On %1: no memory figures from that system</translation>
    </message>
</context>
<context>
    <name>fathom::ReportDialog</name>
    <message>
        <source>Survey summary</source>
        <translation>Survey summary</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Spike alerts</source>
        <translation>Spike alerts</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Analyst's notes</source>
        <translation>Analyst's notes</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Author:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Printed in every page's header and footer</source>
        <translation>Printed in every page's header and footer</translation>
    </message>
    <message>
        <source>&amp;Classification:</source>
        <translation>&amp;Classification:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>&amp;Page size:</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Move &amp;Up</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Move Do&amp;wn</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Include &amp;rejected contacts and alerts</source>
        <translation>Include &amp;rejected contacts and alerts</translation>
    </message>
    <message>
        <source>Contacts shown (highest score first):</source>
        <translation>Contacts shown (highest score first):</translation>
    </message>
    <message>
        <source>The analyst's notes: conditions, remarks, recommendations…</source>
        <translation>The analyst's notes: conditions, remarks, recommendations…</translation>
    </message>
    <message>
        <source>report.pdf or report.html</source>
        <translation>report.pdf or report.html</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>&amp;Write Report</source>
        <translation>&amp;Write Report</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Write Report</source>
        <translation>Write Report</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;Web page (*.html)</translation>
    </message>
    <message>
        <source>Choose a file ending in .pdf or .html.</source>
        <translation>Choose a file ending in .pdf or .html.</translation>
    </message>
    <message>
        <source>%1 cannot be written: the folder is missing or read-only.</source>
        <translation>%1 cannot be written: the folder is missing or read-only.</translation>
    </message>
    <message>
        <source>Tick at least one section.</source>
        <translation>Tick at least one section.</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Building the report…</translation>
    </message>
    <message numerus="yes">
        <source>Written to %1 (%n pages).</source>
        <translation><numerusform>Written to %1 (%n pages).</numerusform><numerusform>Written to %1 (%n pages).</numerusform></translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Written to %1.</translation>
    </message>
    <message>
        <source>Some parts could not be shown; the report says which.</source>
        <translation>Some parts could not be shown; the report says which.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>Alerts shown (highest score first):</source>
        <translation>Alerts shown (highest score first):</translation>
    </message>
</context>
<context>
    <name>fathom::RetrainDialog</name>
    <message>
        <source>Retrain Detector</source>
        <translation>Retrain Detector</translation>
    </message>
    <message>
        <source>Learning from the confirmed contacts…</source>
        <translation>Learning from the confirmed contacts…</translation>
    </message>
    <message>
        <source>training</source>
        <translation>training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>Done (%1). The detector in %2 is used from now on; contacts are being proposed again.</source>
        <translation>Done (%1). The detector in %2 is used from now on; contacts are being proposed again.</translation>
    </message>
    <message>
        <source>Epoch %1 of %2, loss %3</source>
        <translation>Epoch %1 of %2, loss %3</translation>
    </message>
</context>
<context>
    <name>fathom::ReviewTable</name>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Confirm the selected item (C)</source>
        <translation>Confirm the selected item (C)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Reject the selected item (X); U sets it back to new, J/K move, Enter edits the note</source>
        <translation>Reject the selected item (X); U sets it back to new, J/K move, Enter edits the note</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Back to New</source>
        <translation>Back to New</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <source>%1 (UTC)</source>
        <translation>%1 (UTC)</translation>
    </message>
    <message>
        <source>%1 (UTC, %2)</source>
        <translation>%1 (UTC, %2)</translation>
    </message>
</context>
<context>
    <name>fathom::SeriesPlot</name>
    <message>
        <source>Move the cursor over the lanes to read every channel</source>
        <translation>Move the cursor over the lanes to read every channel</translation>
    </message>
    <message>
        <source>Forecasts</source>
        <translation>Forecasts</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Choose the channels shown as lanes and the forecasts drawn over them</source>
        <translation>Choose the channels shown as lanes and the forecasts drawn over them</translation>
    </message>
    <message>
        <source>No sensor series open</source>
        <translation>No sensor series open</translation>
    </message>
    <message>
        <source>   selected: %1 s</source>
        <translation>   selected: %1 s</translation>
    </message>
    <message>
        <source>Mark the selection as an anomaly</source>
        <translation>Mark the selection as an anomaly</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>Clear the selection</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>Show everything</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · Ctrl+drag: zoom to a box · Shift+drag: select a span · double-click: everything · click an alert to review it · right-click: mark the selection</source>
        <translation>Wheel: zoom · drag: pan · Ctrl+drag: zoom to a box · Shift+drag: select a span · double-click: everything · click an alert to review it · right-click: mark the selection</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
</context>
<context>
    <name>fathom::ShortcutsDialog</name>
    <message>
        <source>Menus</source>
        <translation>Menus</translation>
    </message>
    <message>
        <source>Waterfall</source>
        <translation>Waterfall</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>Scroll</translation>
    </message>
    <message>
        <source>Wheel, ↑ ↓, Page Up, Page Down</source>
        <translation>Wheel, ↑ ↓, Page Up, Page Down</translation>
    </message>
    <message>
        <source>Start or end of the file</source>
        <translation>Start or end of the file</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Home, End</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Ctrl+wheel, +, −</source>
        <translation>Ctrl+wheel, +, −</translation>
    </message>
    <message>
        <source>Measure across the seabed (and an object's height from its shadow)</source>
        <translation>Measure across the seabed (and an object's height from its shadow)</translation>
    </message>
    <message>
        <source>Shift+drag</source>
        <translation>Shift+drag</translation>
    </message>
    <message>
        <source>Select a contact</source>
        <translation>Select a contact</translation>
    </message>
    <message>
        <source>Click its box</source>
        <translation>Click its box</translation>
    </message>
    <message>
        <source>Series lanes</source>
        <translation>Series lanes</translation>
    </message>
    <message>
        <source>Zoom, pan</source>
        <translation>Zoom, pan</translation>
    </message>
    <message>
        <source>Wheel, drag</source>
        <translation>Wheel, drag</translation>
    </message>
    <message>
        <source>Zoom into a box</source>
        <translation>Zoom into a box</translation>
    </message>
    <message>
        <source>Ctrl+drag</source>
        <translation>Ctrl+drag</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>Show everything</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>Double-click</translation>
    </message>
    <message>
        <source>Select a span (to mark as an anomaly)</source>
        <translation>Select a span (to mark as an anomaly)</translation>
    </message>
    <message>
        <source>Bring the waterfall to a moment</source>
        <translation>Bring the waterfall to a moment</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>Click</translation>
    </message>
    <message>
        <source>Alerts and contacts lists</source>
        <translation>Alerts and contacts lists</translation>
    </message>
    <message>
        <source>Next, previous</source>
        <translation>Next, previous</translation>
    </message>
    <message>
        <source>J, K</source>
        <translation>J, K</translation>
    </message>
    <message>
        <source>Confirm, reject, back to new</source>
        <translation>Confirm, reject, back to new</translation>
    </message>
    <message>
        <source>C, X, U</source>
        <translation>C, X, U</translation>
    </message>
    <message>
        <source>Edit the note</source>
        <translation>Edit the note</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Class of a contact: cylinder, cone, sphere, rock, debris, wreck</source>
        <translation>Class of a contact: cylinder, cone, sphere, rock, debris, wreck</translation>
    </message>
    <message>
        <source>1 – 6</source>
        <translation>1 – 6</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Mark a contact the detectors missed (box it with its shadow)</source>
        <translation>Mark a contact the detectors missed (box it with its shadow)</translation>
    </message>
    <message>
        <source>Review a contact (status, class), or mark one at the mouse</source>
        <translation>Review a contact (status, class), or mark one at the mouse</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>Right-click</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete a contact or anomaly you marked</source>
        <translation>Delete a contact or anomaly you marked</translation>
    </message>
    <message>
        <source>Review an alert</source>
        <translation>Review an alert</translation>
    </message>
    <message>
        <source>Right-click it</source>
        <translation>Right-click it</translation>
    </message>
    <message>
        <source>Shift+drag, then right-click or Ctrl+M</source>
        <translation>Shift+drag, then right-click or Ctrl+M</translation>
    </message>
    <message>
        <source>Review the contacts without leaving the waterfall</source>
        <translation>Review the contacts without leaving the waterfall</translation>
    </message>
    <message>
        <source>J, K, C, X, U, 1 – 6, Delete, Enter</source>
        <translation>J, K, C, X, U, 1 – 6, Delete, Enter</translation>
    </message>
</context>
<context>
    <name>fathom::SurveyController</name>
    <message>
        <source>Indexing… %1 pings so far</source>
        <translation>Indexing… %1 pings so far</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Pings</source>
        <translation>Pings</translation>
    </message>
    <message>
        <source>%1, %2 samples a channel</source>
        <translation>%1, %2 samples a channel</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>%1 to %2 (%3 s)</source>
        <translation>%1 to %2 (%3 s)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>longitude %1 to %2, latitude %3 to %4</source>
        <translation>longitude %1 to %2, latitude %3 to %4</translation>
    </message>
    <message>
        <source>x %1 to %2 m, y %3 to %4 m</source>
        <translation>x %1 to %2 m, y %3 to %4 m</translation>
    </message>
    <message>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <source>starboard</source>
        <translation>starboard</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>Channel %1</translation>
    </message>
    <message>
        <source>%1, “%2”, %3, %4 kHz</source>
        <translation>%1, “%2”, %3, %4 kHz</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Packets</translation>
    </message>
    <message>
        <source>Reading stopped early: %1</source>
        <translation>Reading stopped early: %1</translation>
    </message>
</context>
<context>
    <name>fathom::TrainingPanel</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3): epoch %4/%5 · loss %6 · %7 samples/s · ETA %8</source>
        <translation>%1 (%2 of %3): epoch %4/%5 · loss %6 · %7 samples/s · ETA %8</translation>
    </message>
    <message>
        <source>%1 training</source>
        <translation>%1 training</translation>
    </message>
    <message>
        <source>%1 validation</source>
        <translation>%1 validation</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Leave out</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>Lookback</source>
        <translation>Lookback</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <source>CSV or TSV file with the sensor series</source>
        <translation>CSV or TSV file with the sensor series</translation>
    </message>
    <message>
        <source>A 0/1 column marking anomalous rows: the spike detector learns from it</source>
        <translation>A 0/1 column marking anomalous rows: the spike detector learns from it</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> steps</translation>
    </message>
    <message>
        <source>Channels not to learn from, comma-separated (e.g. ping)</source>
        <translation>Channels not to learn from, comma-separated (e.g. ping)</translation>
    </message>
    <message>
        <source>Batch %1 from the profile of %2</source>
        <translation>Batch %1 from the profile of %2</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Train</translation>
    </message>
    <message>
        <source>Train the checked models in the background, one after another</source>
        <translation>Train the checked models in the background, one after another</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop after the current step; models finished so far are kept</source>
        <translation>Stop after the current step; models finished so far are kept</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Validation MSE</source>
        <translation>Validation MSE</translation>
    </message>
    <message>
        <source>Test MSE</source>
        <translation>Test MSE</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Set active</source>
        <translation>Set active</translation>
    </message>
    <message>
        <source>Use the selected model for forecasts and alerts</source>
        <translation>Use the selected model for forecasts and alerts</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Retrain</source>
        <translation>Retrain</translation>
    </message>
    <message>
        <source>Fine-tune the active model on the data and on the alerts you reviewed (confirmed: anomalies; rejected: normal)</source>
        <translation>Fine-tune the active model on the data and on the alerts you reviewed (confirmed: anomalies; rejected: normal)</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>Memory: %1</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Select two models: their metrics side by side and both forecasts on the series</source>
        <translation>Select two models: their metrics side by side and both forecasts on the series</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>Run on</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>This machine</translation>
    </message>
    <message>
        <source>A remote host (SSH)</source>
        <translation>A remote host (SSH)</translation>
    </message>
    <message>
        <source>A remote host gets a copy of the data and runs fathom-cli there; progress and the trained models come back here</source>
        <translation>A remote host gets a copy of the data and runs fathom-cli there; progress and the trained models come back here</translation>
    </message>
    <message>
        <source>A host from your ~/.ssh/config, or user@host: your own keys and agent are used, Fathom stores no secret</source>
        <translation>A host from your ~/.ssh/config, or user@host: your own keys and agent are used, Fathom stores no secret</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host</translation>
    </message>
    <message>
        <source>fathom-cli on that host</source>
        <translation>fathom-cli on that host</translation>
    </message>
    <message>
        <source>The command or full path of fathom-cli on the remote host</source>
        <translation>The command or full path of fathom-cli on the remote host</translation>
    </message>
    <message>
        <source>accumulated ×</source>
        <translation>accumulated ×</translation>
    </message>
    <message>
        <source>Gradient accumulation: the gradients of this many batches are summed before the weights move, as one batch that many times larger would, in one batch's memory</source>
        <translation>Gradient accumulation: the gradients of this many batches are summed before the weights move, as one batch that many times larger would, in one batch's memory</translation>
    </message>
    <message>
        <source>split</source>
        <translation>split</translation>
    </message>
    <message>
        <source>Training, validation and test parts in row order: shares in percent (70/15/15), or the times the validation and the test parts begin (2025-11-23 06:42, 2025-11-23 06:43)</source>
        <translation>Training, validation and test parts in row order: shares in percent (70/15/15), or the times the validation and the test parts begin (2025-11-23 06:42, 2025-11-23 06:43)</translation>
    </message>
    <message>
        <source>Model Settings…</source>
        <translation>Model Settings…</translation>
    </message>
    <message>
        <source>with learned scale and shift</source>
        <translation>with learned scale and shift</translation>
    </message>
    <message>
        <source>without learned scale and shift</source>
        <translation>without learned scale and shift</translation>
    </message>
    <message>
        <source>Dropout %1 for every model; PatchTST: width %2, heads %3, layers %4, feed-forward %5, patches of %6 steps every %7, RevIN %8</source>
        <translation>Dropout %1 for every model; PatchTST: width %2, heads %3, layers %4, feed-forward %5, patches of %6 steps every %7, RevIN %8</translation>
    </message>
    <message>
        <source>The file to train on, or several separated by ';': they are trained on as one data set, in the order given, and need the same channels</source>
        <translation>The file to train on, or several separated by ';': they are trained on as one data set, in the order given, and need the same channels</translation>
    </message>
    <message>
        <source>Choose the data file, or several (they are trained on as one data set)</source>
        <translation>Choose the data file, or several (they are trained on as one data set)</translation>
    </message>
</context>
<context>
    <name>fathom::WaterfallView</name>
    <message>
        <source>&amp;Palette:</source>
        <translation>&amp;Palette:</translation>
    </message>
    <message>
        <source>Copper</source>
        <translation>Copper</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grey</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>Amber</translation>
    </message>
    <message>
        <source>Inverted grey</source>
        <translation>Inverted grey</translation>
    </message>
    <message>
        <source>&amp;Ground range</source>
        <translation>&amp;Ground range</translation>
    </message>
    <message>
        <source>Remove the water column and place echoes at their distance across the seabed</source>
        <translation>Remove the water column and place echoes at their distance across the seabed</translation>
    </message>
    <message>
        <source>Gain &amp;normalisation</source>
        <translation>Gain &amp;normalisation</translation>
    </message>
    <message>
        <source>Even out brightness across range (empirical gain over the pings in view)</source>
        <translation>Even out brightness across range (empirical gain over the pings in view)</translation>
    </message>
    <message>
        <source>&amp;Contrast:</source>
        <translation>&amp;Contrast:</translation>
    </message>
    <message>
        <source>Left keeps the brightest echoes; right brings out faint seabed texture</source>
        <translation>Left keeps the brightest echoes; right brings out faint seabed texture</translation>
    </message>
    <message>
        <source>Wheel: scroll · Ctrl+wheel or +/−: zoom · Shift+drag: measure · Ctrl+drag: mark a contact</source>
        <translation>Wheel: scroll · Ctrl+wheel or +/−: zoom · Shift+drag: measure · Ctrl+drag: mark a contact</translation>
    </message>
    <message>
        <source>Open a sidescan file (File → Open Survey…) or start with the demo survey (Help → Open Demo Survey).</source>
        <translation>Open a sidescan file (File → Open Survey…) or start with the demo survey (Help → Open Demo Survey).</translation>
    </message>
</context>
</TS>
