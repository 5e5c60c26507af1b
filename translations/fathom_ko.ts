<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>fathom::AboutDialog</name>
    <message>
        <source>About Fathom</source>
        <translation>Fathom 정보</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Fathom %1&lt;/h2&gt;&lt;p&gt;Workbench for seabed survey analysts: sidescan sonar, sensor series, deep models and reports.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Fathom %1&lt;/h2&gt;&lt;p&gt;해저 조사 분석가를 위한 워크벤치: 사이드스캔 소나, 센서 시계열, 딥러닝 모델, 보고서.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>라이브러리</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
</context>
<context>
    <name>fathom::DevicePanel</name>
    <message>
        <source>Automatic (CUDA, then MPS, then CPU) — now %1</source>
        <translation>자동 (CUDA → MPS → CPU 순) — 현재 %1</translation>
    </message>
    <message>
        <source>  (in use)</source>
        <translation>  (사용 중)</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%2 중 %1 사용 가능</translation>
    </message>
    <message>
        <source>Compute capability</source>
        <translation>연산 능력 (Compute capability)</translation>
    </message>
    <message>
        <source>Multiprocessors</source>
        <translation>멀티프로세서</translation>
    </message>
    <message>
        <source>PCI bus</source>
        <translation>PCI 버스</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>코어</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>SIMD</source>
        <translation>SIMD</translation>
    </message>
    <message>
        <source>Native bf16</source>
        <translation>bf16 하드웨어 지원</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>프로파일</translation>
    </message>
    <message>
        <source>batch %1, workers %2, memory limit %3, mixed precision %4</source>
        <translation>배치 %1, 워커 %2, 메모리 한도 %3, 혼합 정밀도 %4</translation>
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
        <translation>포함되지 않음</translation>
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
        <translation>스레드 (연산 내 / 연산 간)</translation>
    </message>
    <message>
        <source>Fathom process</source>
        <translation>Fathom 프로세스</translation>
    </message>
    <message>
        <source>%1 utilisation (%)</source>
        <translation>%1 사용률 (%)</translation>
    </message>
    <message>
        <source>Active &amp;device:</source>
        <translation>사용 장치(&amp;D):</translation>
    </message>
    <message>
        <source>The device that training and inference run on</source>
        <translation>학습과 추론을 실행할 장치</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>성능 정보</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>시간 (초)</translation>
    </message>
    <message>
        <source>Memory (GiB)</source>
        <translation>메모리 (GiB)</translation>
    </message>
    <message>
        <source>Utilisation (%)</source>
        <translation>사용률 (%)</translation>
    </message>
    <message>
        <source>Host memory used (of %1)</source>
        <translation>호스트 메모리 사용량 (전체 %1)</translation>
    </message>
    <message>
        <source>%1 memory used (of %2)</source>
        <translation>%1 메모리 사용량 (전체 %2)</translation>
    </message>
</context>
<context>
    <name>fathom::MainWindow</name>
    <message>
        <source>Unknown device “%1”: expected auto, cpu, cuda, cuda:N or mps. Using the CPU.</source>
        <translation>알 수 없는 장치 “%1”: auto, cpu, cuda, cuda:N, mps 중 하나여야 합니다. CPU를 사용합니다.</translation>
    </message>
    <message>
        <source>%1 was requested, but this build of LibTorch has no CUDA. Using the CPU.</source>
        <translation>%1 장치를 요청했지만 이 LibTorch 빌드에는 CUDA가 없습니다. CPU를 사용합니다.</translation>
    </message>
    <message>
        <source>%1 was requested, but no CUDA GPU is available. Using the CPU.</source>
        <translation>%1 장치를 요청했지만 사용할 수 있는 CUDA GPU가 없습니다. CPU를 사용합니다.</translation>
    </message>
    <message>
        <source>%1 is not present on this machine. Using the CPU.</source>
        <translation>이 컴퓨터에는 %1 장치가 없습니다. CPU를 사용합니다.</translation>
    </message>
    <message>
        <source>MPS (Apple Metal) is not available on this machine. Using the CPU.</source>
        <translation>이 컴퓨터에서는 MPS(Apple Metal)를 사용할 수 없습니다. CPU를 사용합니다.</translation>
    </message>
    <message>
        <source>Fathom — seabed survey workbench</source>
        <translation>Fathom — 해저 조사 워크벤치</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>조사</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>접촉물</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>경보</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>No survey is open.

Sidescan files and the sensor series recorded with them will be listed here.</source>
        <translation>열린 조사가 없습니다.

사이드스캔 파일과 함께 기록된 센서 시계열이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No training is running.

Models being trained, their progress and loss curves will appear here.</source>
        <translation>실행 중인 학습이 없습니다.

학습 중인 모델과 진행 상황, 손실 곡선이 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No contacts yet.

Detections and the contacts you mark will be listed here for review.</source>
        <translation>아직 접촉물이 없습니다.

탐지 결과와 직접 표시한 접촉물이 검토할 수 있도록 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No alerts yet.

Spike alerts from the models will be listed here for review.</source>
        <translation>아직 경보가 없습니다.

모델이 낸 급변(스파이크) 경보가 검토할 수 있도록 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Show &amp;Log Folder</source>
        <translation>로그 폴더 열기(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>레이아웃 초기화(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>전체 화면(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>도구(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy Device Report</source>
        <translation>장치 보고서 복사(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Fathom</source>
        <translation>Fathom 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>Active device: %1</source>
        <translation>사용 장치: %1</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>장치: %1</translation>
    </message>
    <message>
        <source>Host %1 of %2 · Fathom %3</source>
        <translation>호스트 %2 중 %1 · Fathom %3</translation>
    </message>
    <message>
        <source>%1 %2 of %3</source>
        <translation>%1 %3 중 %2</translation>
    </message>
    <message>
        <source>%1 not answering</source>
        <translation>%1 응답 없음</translation>
    </message>
    <message>
        <source>, %1 % busy</source>
        <translation>, 사용률 %1 %</translation>
    </message>
    <message>
        <source>Device report copied to the clipboard</source>
        <translation>장치 보고서를 클립보드에 복사했습니다</translation>
    </message>
    <message>
        <source>Active &amp;Device</source>
        <translation>사용 장치(&amp;D)</translation>
    </message>
    <message>
        <source>Automatic (CUDA, then MPS, then CPU)</source>
        <translation>자동 (CUDA → MPS → CPU 순)</translation>
    </message>
    <message>
        <source>&amp;Open Survey…</source>
        <translation>조사 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open Survey</source>
        <translation>조사 열기</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n ping(s)</source>
        <translation><numerusform>%1 열림: 핑 %n개</numerusform></translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1을(를) 열 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot open survey</source>
        <translation>조사를 열 수 없습니다</translation>
    </message>
    <message>
        <source>port</source>
        <translation>좌현</translation>
    </message>
    <message>
        <source>starboard</source>
        <translation>우현</translation>
    </message>
    <message>
        <source>&amp;Go to Ping…</source>
        <translation>핑으로 이동(&amp;G)…</translation>
    </message>
    <message>
        <source>Sidescan files (*.xtf *.XTF *.jsf *.JSF);;Waterfall pictures (*.png *.tif *.tiff *.jpg *.jpeg);;All files (*)</source>
        <translation>사이드스캔 파일 (*.xtf *.XTF *.jsf *.JSF);;워터폴 그림 (*.png *.tif *.tiff *.jpg *.jpeg);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>E %1, N %2</source>
        <translation>동 %1, 북 %2</translation>
    </message>
    <message>
        <source>Distance across the seabed: %1 m</source>
        <translation>해저면 거리: %1 m</translation>
    </message>
    <message>
        <source>Go to Ping</source>
        <translation>핑으로 이동</translation>
    </message>
    <message>
        <source>Ping (0 – %1):</source>
        <translation>핑 (0 – %1):</translation>
    </message>
    <message>
        <source> · as a shadow: an object %1 m high</source>
        <translation> · 그림자로 보면: 높이 %1 m 물체</translation>
    </message>
    <message>
        <source>Go to &amp;Time…</source>
        <translation>시각으로 이동(&amp;T)…</translation>
    </message>
    <message>
        <source>Ping %1 · %2 · %3, slant %4 m, across %5 m · %6</source>
        <translation>핑 %1 · %2 · %3, 경사 거리 %4 m, 횡방향 %5 m · %6</translation>
    </message>
    <message>
        <source>Go to Time</source>
        <translation>시각으로 이동</translation>
    </message>
    <message>
        <source>Time (UTC, HH:mm:ss) on %1:</source>
        <translation>%1의 시각 (UTC, HH:mm:ss):</translation>
    </message>
    <message>
        <source>“%1” is not a time: write it as 14:05:30</source>
        <translation>“%1”은(는) 시각이 아닙니다: 14:05:30 형식으로 입력하세요</translation>
    </message>
</context>
<context>
    <name>fathom::SurveyController</name>
    <message>
        <source>%1
  indexing… %2 pings so far</source>
        <translation>%1
  색인 중… 지금까지 핑 %2개</translation>
    </message>
</context>
<context>
    <name>fathom::WaterfallView</name>
    <message>
        <source>&amp;Palette:</source>
        <translation>색상표(&amp;P):</translation>
    </message>
    <message>
        <source>Copper</source>
        <translation>구리색</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>회색</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>호박색</translation>
    </message>
    <message>
        <source>Inverted grey</source>
        <translation>반전 회색</translation>
    </message>
    <message>
        <source>&amp;Ground range</source>
        <translation>지면 거리(&amp;G)</translation>
    </message>
    <message>
        <source>Remove the water column and place echoes at their distance across the seabed</source>
        <translation>수층을 제거하고 반향을 해저면 위 실제 거리에 배치합니다</translation>
    </message>
    <message>
        <source>Gain &amp;normalisation</source>
        <translation>이득 정규화(&amp;N)</translation>
    </message>
    <message>
        <source>Even out brightness across range (empirical gain over the pings in view)</source>
        <translation>거리에 따른 밝기를 고르게 합니다 (보이는 핑에 대한 경험적 이득)</translation>
    </message>
    <message>
        <source>Open a sidescan file (File → Open Survey…) or start with the demo survey (fathom --demo).</source>
        <translation>사이드스캔 파일을 열거나(파일 → 조사 열기…) 데모 조사로 시작하세요 (fathom --demo).</translation>
    </message>
    <message>
        <source>Wheel: scroll · Ctrl+wheel or +/−: zoom · Shift+drag: measure</source>
        <translation>휠: 스크롤 · Ctrl+휠 또는 +/−: 확대/축소 · Shift+드래그: 거리 측정</translation>
    </message>
    <message>
        <source>&amp;Contrast:</source>
        <translation>대비(&amp;C):</translation>
    </message>
    <message>
        <source>Left keeps the brightest echoes; right brings out faint seabed texture</source>
        <translation>왼쪽은 가장 밝은 반향을 살리고, 오른쪽은 희미한 해저면 질감을 드러냅니다</translation>
    </message>
</context>
</TS>
