<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
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
        <source>No training is running.

Models being trained, their progress and loss curves will appear here.</source>
        <translation>No training is running.

Models being trained, their progress and loss curves will appear here.</translation>
    </message>
    <message>
        <source>No contacts yet.

Detections and the contacts you mark will be listed here for review.</source>
        <translation>No contacts yet.

Detections and the contacts you mark will be listed here for review.</translation>
    </message>
    <message>
        <source>No alerts yet.

Spike alerts from the models will be listed here for review.</source>
        <translation>No alerts yet.

Spike alerts from the models will be listed here for review.</translation>
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
        <source>Active &amp;Device</source>
        <translation>Active &amp;Device</translation>
    </message>
    <message>
        <source>Automatic (CUDA, then MPS, then CPU)</source>
        <translation>Automatic (CUDA, then MPS, then CPU)</translation>
    </message>
    <message>
        <source>&amp;Open Survey…</source>
        <translation>&amp;Open Survey…</translation>
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
</context>
<context>
    <name>fathom::SurveyController</name>
    <message>
        <source>%1
  indexing… %2 pings so far</source>
        <translation>%1
  indexing… %2 pings so far</translation>
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
        <source>Open a sidescan file (File → Open Survey…) or start with the demo survey (fathom --demo).</source>
        <translation>Open a sidescan file (File → Open Survey…) or start with the demo survey (fathom --demo).</translation>
    </message>
    <message>
        <source>Wheel: scroll · Ctrl+wheel or +/−: zoom · Shift+drag: measure</source>
        <translation>Wheel: scroll · Ctrl+wheel or +/−: zoom · Shift+drag: measure</translation>
    </message>
    <message>
        <source>&amp;Contrast:</source>
        <translation>&amp;Contrast:</translation>
    </message>
    <message>
        <source>Left keeps the brightest echoes; right brings out faint seabed texture</source>
        <translation>Left keeps the brightest echoes; right brings out faint seabed texture</translation>
    </message>
</context>
</TS>
