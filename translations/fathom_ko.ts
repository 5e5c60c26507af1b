<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ImageExport</name>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1을(를) 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Save Image</source>
        <translation>이미지 저장</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg *.jpeg)</source>
        <translation>PNG 이미지 (*.png);;JPEG 이미지 (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Copy Image</source>
        <translation>이미지 복사</translation>
    </message>
    <message>
        <source>Save Image…</source>
        <translation>이미지 저장…</translation>
    </message>
</context>
<context>
    <name>Log</name>
    <message>
        <source>%1: %2 missing cells filled with the last value before them (%3)</source>
        <translation>%1: 빈 셀 %2개를 바로 앞의 값으로 채움 (%3)</translation>
    </message>
    <message>
        <source>%1: data row %2 is earlier than the row before it; the plot and the splits follow the rows</source>
        <translation>%1: 데이터 %2행이 앞 행보다 이른 시각입니다. 그래프와 분할은 행 순서를 따릅니다</translation>
    </message>
    <message>
        <source>%1: numbers read with a decimal comma (12,5 as 12.5)</source>
        <translation>%1: 소수점을 쉼표로 읽음 (12,5는 12.5)</translation>
    </message>
    <message>
        <source>Retraining %1 with confirmed alerts: %2, rejected: %3</source>
        <translation>%1 재학습: 확인된 경보 %2건, 기각된 경보 %3건</translation>
    </message>
    <message>
        <source>Training %1 on %2</source>
        <translation>%2에서 %1 학습</translation>
    </message>
    <message>
        <source>Active model: %1</source>
        <translation>활성 모델: %1</translation>
    </message>
    <message>
        <source>The series models cannot run on %1 in this build: they train on the cpu</source>
        <translation>이 빌드에서는 시계열 모델을 %1에서 실행할 수 없어 cpu에서 학습합니다</translation>
    </message>
    <message>
        <source>Contact marked by hand at ping %1</source>
        <translation>핑 %1에 접촉물을 직접 표시함</translation>
    </message>
    <message>
        <source>No class proposed for the marked contact: %1</source>
        <translation>표시한 접촉물의 분류를 제안하지 못함: %1</translation>
    </message>
    <message>
        <source>A detection for the contacts before was left</source>
        <translation>이전 접촉물에 대한 탐지 결과는 버림</translation>
    </message>
    <message>
        <source>Contacts proposed: %1</source>
        <translation>제안된 접촉물: %1개</translation>
    </message>
    <message>
        <source>Writing the demo survey to %1</source>
        <translation>데모 조사를 %1에 쓰는 중</translation>
    </message>
    <message>
        <source>Close-up of the contact at ping %1: %2</source>
        <translation>핑 %1 접촉물의 확대 보기: %2</translation>
    </message>
    <message>
        <source>Another sensor series opened: a new project begins</source>
        <translation>다른 센서 시계열을 열었으므로 새 프로젝트를 시작합니다</translation>
    </message>
    <message>
        <source>%1: the active model %2 is gone</source>
        <translation>%1: 활성 모델 %2이(가) 없습니다</translation>
    </message>
    <message>
        <source>Detection settings changed</source>
        <translation>탐지 설정 변경됨</translation>
    </message>
    <message>
        <source>Another survey opened: a new project begins</source>
        <translation>다른 조사를 열었으므로 새 프로젝트를 시작합니다</translation>
    </message>
    <message>
        <source>%1 runs %2, this app %3</source>
        <translation>%1은(는) %2 실행 중, 이 앱은 %3</translation>
    </message>
    <message>
        <source>Remote training on %1 in %2, process %3</source>
        <translation>%1의 %2에서 원격 학습 중, 프로세스 %3</translation>
    </message>
    <message>
        <source>Remote training on %1 finished; models brought back: %2</source>
        <translation>%1에서 원격 학습 완료, 가져온 모델: %2개</translation>
    </message>
    <message>
        <source>Indexed %1: %2 pings</source>
        <translation>%1 색인 완료: 핑 %2개</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 열림</translation>
    </message>
    <message>
        <source>Opened %1 (indexing the rest)</source>
        <translation>%1 열림 (나머지 색인 중)</translation>
    </message>
    <message>
        <source>Alert settings changed: above %1, closing below %2 × it, at least %3 rows, merged across %4</source>
        <translation>경보 설정 변경됨: %1 초과 시 열림, 그 %2배 미만에서 닫힘, 최소 %3행, %4행 이내 병합</translation>
    </message>
</context>
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
    <name>fathom::AlertSettingsDialog</name>
    <message>
        <source>Alert Settings</source>
        <translation>경보 설정</translation>
    </message>
    <message>
        <source>How the models' anomaly scores become alerts, saved with the project. Alerts already reviewed stay; the others are found again.</source>
        <translation>모델의 이상 점수를 경보로 바꾸는 규칙이며 프로젝트와 함께 저장됩니다. 이미 검토한 경보는 유지되고 나머지는 다시 찾습니다.</translation>
    </message>
    <message>
        <source>An alert opens where the score rises above this. 1 is the threshold the model chose from its training data: higher gives fewer alerts, lower more.</source>
        <translation>점수가 이 값을 넘으면 경보가 열립니다. 1은 모델이 학습 데이터로 정한 임계값입니다. 높이면 경보가 줄고, 낮추면 늘어납니다.</translation>
    </message>
    <message>
        <source> × threshold</source>
        <translation> × 임계값</translation>
    </message>
    <message>
        <source>An open alert closes where the score falls below the threshold times this: lower keeps an alert open through a dip (hysteresis).</source>
        <translation>열린 경보는 점수가 임계값에 이 값을 곱한 값 아래로 떨어지면 닫힙니다. 낮추면 잠깐 내려가도 경보가 열린 채로 유지됩니다(히스테리시스).</translation>
    </message>
    <message>
        <source>Alerts shorter than this are dropped as flicker.</source>
        <translation>이보다 짧은 경보는 깜박임으로 보고 버립니다.</translation>
    </message>
    <message>
        <source> rows</source>
        <translation> 행</translation>
    </message>
    <message>
        <source>Two alerts this close or closer become one.</source>
        <translation>이만큼 이내로 가까운 두 경보는 하나로 합칩니다.</translation>
    </message>
    <message>
        <source>Alert above score</source>
        <translation>경보 시작 점수</translation>
    </message>
    <message>
        <source>Close below</source>
        <translation>닫힘 기준</translation>
    </message>
    <message>
        <source>Shortest alert</source>
        <translation>최소 경보 길이</translation>
    </message>
    <message>
        <source>Merge alerts apart by up to</source>
        <translation>병합할 경보 간격</translation>
    </message>
    <message>
        <source>The rules the model was trained with</source>
        <translation>모델을 학습할 때 정해진 규칙</translation>
    </message>
    <message numerus="yes">
        <source>The active model finds %n alert(s) over the series by these rules (%1 now).</source>
        <translation><numerusform>이 규칙이면 활성 모델이 시계열에서 경보 %n건을 찾습니다(현재 %1건).</numerusform></translation>
    </message>
</context>
<context>
    <name>fathom::AlertTable</name>
    <message numerus="yes">
        <source>%n alert(s): %1 confirmed, %2 rejected, %3 shown</source>
        <translation>
            <numerusform>경보 %n건: 확인 %1, 기각 %2, 표시 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by channel, model or note</source>
        <translation>채널, 모델 또는 메모로 거르기</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>최고점</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>End</source>
        <translation>끝</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
</context>
<context>
    <name>fathom::AnalysisController</name>
    <message>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <source>No folder for trained models: open or save a project first.</source>
        <translation>학습된 모델을 둘 폴더가 없습니다: 먼저 프로젝트를 열거나 저장하세요.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Training stopped: %1</source>
        <translation>학습 중단: %1</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n model(s) finished and kept</source>
        <translation>
            <numerusform>취소됨: 완료된 모델 %n개는 보존됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n model(s) trained</source>
        <translation>
            <numerusform>완료: 모델 %n개 학습됨</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지됨</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>재개됨</translation>
    </message>
    <message>
        <source>Running %1 over the series…</source>
        <translation>시계열에 %1 실행 중…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n alert(s)</source>
        <translation>
            <numerusform>%1: 경보 %n건</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm alert</source>
        <translation>경보 확인</translation>
    </message>
    <message>
        <source>Reject alert</source>
        <translation>경보 기각</translation>
    </message>
    <message>
        <source>Set alert back to new</source>
        <translation>경보를 신규로 되돌리기</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>메모 편집</translation>
    </message>
    <message>
        <source>Retraining needs an active model and an open series.</source>
        <translation>재학습하려면 활성 모델과 열린 시계열이 필요합니다.</translation>
    </message>
    <message>
        <source>Training %1 on %2</source>
        <translation>%2에서 %1 학습</translation>
    </message>
    <message>
        <source>%1 epoch %2/%3: training loss %4, validation loss %5, %6 samples/s</source>
        <translation>%1 에포크 %2/%3: 학습 손실 %4, 검증 손실 %5, 초당 %6 샘플</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>완료: %1</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>중단: %1</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>기각됨</translation>
    </message>
    <message>
        <source>not reviewed</source>
        <translation>검토 전</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 to %3 (rows %4–%5) · score %6 (1 is the threshold) · model %7 · %8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 ~ %3 (행 %4–%5) · 점수 %6 (1이 임계값) · 모델 %7 · %8</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 at the peak: %2</source>
        <translation>&lt;br&gt;최고점의 %1: %2</translation>
    </message>
    <message>
        <source>&lt;br&gt;Note: %1</source>
        <translation>&lt;br&gt;메모: %1</translation>
    </message>
    <message>
        <source>Comparing %1 and %2…</source>
        <translation>%1와(과) %2 비교 중…</translation>
    </message>
    <message>
        <source>validation MSE</source>
        <translation>검증 MSE</translation>
    </message>
    <message>
        <source>test MSE</source>
        <translation>시험 MSE</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>training time (s)</source>
        <translation>학습 시간 (초)</translation>
    </message>
    <message>
        <source>device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>alerts on this series</source>
        <translation>이 시계열의 경보</translation>
    </message>
    <message>
        <source>Mark anomaly</source>
        <translation>이상 표시</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 (%2에서)</translation>
    </message>
    <message>
        <source>the run on %1 started before Fathom closed</source>
        <translation>Fathom을 닫기 전에 %1에서 시작한 실행</translation>
    </message>
    <message>
        <source>That alert was found by model %1: reject it (X) instead, or its next run would find it again.</source>
        <translation>이 경보는 모델 %1이(가) 찾은 것입니다: 대신 기각(X)하십시오. 삭제해도 다음 실행에서 다시 찾습니다.</translation>
    </message>
    <message>
        <source>Delete anomaly mark</source>
        <translation>이상 구간 표시 삭제</translation>
    </message>
    <message>
        <source>Delete Anomaly Mark</source>
        <translation>이상 구간 표시 삭제</translation>
    </message>
    <message>
        <source>Note on the alert:</source>
        <translation>경보 메모:</translation>
    </message>
    <message>
        <source> · alerts above %1 by the Alert Settings</source>
        <translation> · 경보 설정에 따라 %1 초과 시 경보</translation>
    </message>
</context>
<context>
    <name>fathom::ContactGallery</name>
    <message>
        <source>Contact Gallery</source>
        <translation>접촉물 갤러리</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>기각됨</translation>
    </message>
    <message>
        <source>new</source>
        <translation>신규</translation>
    </message>
    <message>
        <source>no class</source>
        <translation>분류 없음</translation>
    </message>
    <message>
        <source>Ping %1 · %2
%3 · %4</source>
        <translation>핑 %1 · %2
%3 · %4</translation>
    </message>
    <message>
        <source>starboard</source>
        <translation>우현</translation>
    </message>
    <message>
        <source>port</source>
        <translation>좌현</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>New</source>
        <translation>신규</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>기각됨</translation>
    </message>
    <message>
        <source>Every contact up close, in the Contacts dock's order (sort the dock to change it). C confirms, X rejects, U sets back to new, 1–6 give the class, Delete removes one you marked; the one chosen is shown on the waterfall.</source>
        <translation>모든 접촉물을 접촉물 도크의 순서대로 확대해 보여 줍니다(도크에서 정렬하면 바뀝니다). C 확인, X 기각, U 신규로 되돌리기, 1–6 분류, Delete는 직접 지정한 접촉물을 삭제합니다. 선택한 접촉물은 워터폴에 표시됩니다.</translation>
    </message>
    <message>
        <source>, water column</source>
        <translation>, 수층</translation>
    </message>
</context>
<context>
    <name>fathom::ContactTable</name>
    <message>
        <source>Ping</source>
        <translation>핑</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>방향</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Range (m)</source>
        <translation>거리 (m)</translation>
    </message>
    <message>
        <source>Length (m)</source>
        <translation>길이 (m)</translation>
    </message>
    <message>
        <source>Width (m)</source>
        <translation>폭 (m)</translation>
    </message>
    <message>
        <source>Height (m)</source>
        <translation>높이 (m)</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>Detector</source>
        <translation>탐지기</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s): %1 confirmed, %2 rejected, %3 shown</source>
        <translation>
            <numerusform>접촉물 %n개: 확인 %1, 기각 %2, 표시 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter by class, detector or note · keys 1–6 set the class</source>
        <translation>분류, 탐지기 또는 메모로 거르기 · 1–6 키로 분류 지정</translation>
    </message>
    <message>
        <source>cylinder</source>
        <translation>원통형</translation>
    </message>
    <message>
        <source>cone</source>
        <translation>원뿔형</translation>
    </message>
    <message>
        <source>sphere</source>
        <translation>구형</translation>
    </message>
    <message>
        <source>rock</source>
        <translation>암석</translation>
    </message>
    <message>
        <source>debris</source>
        <translation>잔해</translation>
    </message>
    <message>
        <source>wreck</source>
        <translation>난파선</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>분석가</translation>
    </message>
    <message>
        <source>classical</source>
        <translation>고전</translation>
    </message>
    <message>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>fused</source>
        <translation>융합</translation>
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
        <translation>%1에서 접촉물 찾는 중…</translation>
    </message>
    <message>
        <source>starboard</source>
        <translation>우현</translation>
    </message>
    <message>
        <source>port</source>
        <translation>좌현</translation>
    </message>
    <message>
        <source>Confirm contact</source>
        <translation>접촉물 확인</translation>
    </message>
    <message>
        <source>Reject contact</source>
        <translation>접촉물 기각</translation>
    </message>
    <message>
        <source>Set contact class</source>
        <translation>접촉물 분류 지정</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>메모 편집</translation>
    </message>
    <message>
        <source>Confirm some contacts first (C in the Contacts dock): the detector learns from them.</source>
        <translation>먼저 접촉물을 확인하십시오(접촉물 도크에서 C). 탐지기는 확인된 접촉물로 학습합니다.</translation>
    </message>
    <message>
        <source>Retraining was cancelled; the detector is unchanged.</source>
        <translation>재학습이 취소되었습니다. 탐지기는 그대로입니다.</translation>
    </message>
    <message>
        <source>best epoch %1 of %2, %3 s</source>
        <translation>최적 에포크 %1/%2, %3초</translation>
    </message>
    <message>
        <source>A contact's box may span at most %1 pings: zoom in and draw it round the object.</source>
        <translation>접촉물 상자는 최대 %1핑까지 그릴 수 있습니다: 확대한 뒤 물체 주위에 그리십시오.</translation>
    </message>
    <message>
        <source>Mark contact</source>
        <translation>접촉물 지정</translation>
    </message>
    <message>
        <source>marked</source>
        <translation>분석가</translation>
    </message>
    <message>
        <source>Contact back to new</source>
        <translation>접촉물 신규로 되돌리기</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>No class</source>
        <translation>분류 없음</translation>
    </message>
    <message>
        <source>The contact at ping %1 was proposed by a detector: reject it (X) instead, or a new detection would propose it again.</source>
        <translation>핑 %1의 접촉물은 탐지기가 제안한 것입니다: 대신 기각(X)하십시오. 삭제해도 다음 탐지에서 다시 제안됩니다.</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>접촉물 삭제</translation>
    </message>
    <message>
        <source>Delete Contact</source>
        <translation>접촉물 삭제</translation>
    </message>
    <message>
        <source>Set Height to %1 m (as measured)</source>
        <translation>높이를 측정값 %1 m로 설정</translation>
    </message>
    <message>
        <source>Set contact height</source>
        <translation>접촉물 높이 설정</translation>
    </message>
    <message>
        <source>That object is already listed (ping %1): review it there.</source>
        <translation>이 물체는 이미 목록에 있습니다(핑 %1): 그 항목에서 검토하십시오.</translation>
    </message>
    <message>
        <source>marked by the analyst</source>
        <translation>분석가가 지정</translation>
    </message>
    <message>
        <source>score %1 (%2)</source>
        <translation>점수 %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · %3, %4 · %5 m across · %6 × %7 m, %8 m high (from its shadow) · %9</source>
        <translation>&lt;b&gt;핑 %1&lt;/b&gt;, %2 · %3, %4 · 측방 %5 m · %6 × %7 m, 높이 %8 m (그림자 기준) · %9</translation>
    </message>
    <message>
        <source>Note on the contact at ping %1:</source>
        <translation>핑 %1 접촉물 메모:</translation>
    </message>
    <message>
        <source>Contact marked at ping %1: %2 × %3 m, %4 m high. %5Keys 1–6 give its class, Enter a note; Ctrl+Z takes it back.</source>
        <translation>핑 %1에 접촉물 지정: %2 × %3 m, 높이 %4 m. %51–6 키로 분류, Enter로 메모, Ctrl+Z로 되돌리기.</translation>
    </message>
    <message>
        <source>The CNN is unsure of its class (%1 at %2 %).</source>
        <translation>CNN이 분류를 확신하지 못합니다(%1 %2 %).</translation>
    </message>
    <message>
        <source>The CNN takes it for a %1 (%2 %): the class is filled in.</source>
        <translation>CNN은 이것을 %1(으)로 봅니다(%2 %): 분류를 채웠습니다.</translation>
    </message>
    <message>
        <source>The CNN sees no object there (%1 %): is it the brightest speckle?</source>
        <translation>CNN은 그곳에서 물체를 보지 못합니다(%1 %): 가장 밝은 반점이 아닌지 확인하세요.</translation>
    </message>
    <message>
        <source>; the CNN sees no object in its box (%1 %)</source>
        <translation>; CNN은 상자 안에서 물체를 보지 못함(%1 %)</translation>
    </message>
    <message>
        <source>; the CNN took it for a %1 (%2 %; an object, %3 %)</source>
        <translation>; CNN 판단: %1(%2 %, 물체일 확률 %3 %)</translation>
    </message>
    <message>
        <source>Contact marked at ping %1, in the water column: %2 × %3 m (across in slant range). Keys 1–6 give its class, Enter a note; Ctrl+Z takes it back.</source>
        <translation>핑 %1의 수층 안에 접촉물 지정: %2 × %3 m (폭은 경사 거리 기준). 1–6 키로 분류, Enter로 메모, Ctrl+Z로 되돌리기.</translation>
    </message>
    <message>
        <source>%1 m out, %2 m above the seabed (from where its shadow falls), over %3, %4</source>
        <translation>측방 %1 m, 해저면 위 %2 m (그림자가 떨어진 곳으로 계산), 위치 %3, %4</translation>
    </message>
    <message>
        <source>no shadow found to place it: under the towfish at %1, %2</source>
        <translation>위치를 계산할 그림자 없음: 토우피시 아래 %1, %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · in the water column, %3 m slant range from the towfish; %4 · %5 m along, %6 m across in slant range · %7</source>
        <translation>&lt;b&gt;핑 %1&lt;/b&gt;, %2 · 수층 안, 토우피시에서 경사 거리 %3 m; %4 · 길이 %5 m, 경사 거리 기준 폭 %6 m · %7</translation>
    </message>
    <message>
        <source> · water column</source>
        <translation> · 수층</translation>
    </message>
    <message>
        <source>Detection cancelled: the contacts are as they were.</source>
        <translation>탐지를 취소했습니다: 접촉물은 그대로입니다.</translation>
    </message>
    <message>
        <source>Retraining stopped: other contacts were opened meanwhile.</source>
        <translation>재학습을 멈췄습니다: 그사이 다른 접촉물이 열렸습니다.</translation>
    </message>
</context>
<context>
    <name>fathom::DetectionSettingsDialog</name>
    <message>
        <source>Detection Settings</source>
        <translation>탐지 설정</translation>
    </message>
    <message>
        <source>Saved with the project and used by the next Detect Contacts. Contacts already reviewed stay; the others are proposed again.</source>
        <translation>프로젝트와 함께 저장되며 다음 접촉물 탐지에 쓰입니다. 이미 검토한 접촉물은 그대로 남고, 나머지는 다시 제안됩니다.</translation>
    </message>
    <message>
        <source>Classical detector (highlight and shadow)</source>
        <translation>고전 탐지기 (하이라이트와 그림자)</translation>
    </message>
    <message>
        <source> × local mean</source>
        <translation> × 주변 평균</translation>
    </message>
    <message>
        <source>A highlight is brighter than this many times the seabed around it. Higher: fewer, brighter contacts.</source>
        <translation>주변 해저면보다 이 배수 이상 밝으면 하이라이트입니다. 높이면 더 밝은 접촉물만 적게 찾습니다.</translation>
    </message>
    <message>
        <source>A shadow is darker than this share of the seabed around it. Lower: only deep shadows.</source>
        <translation>주변 해저면의 이 비율보다 어두우면 그림자입니다. 낮추면 짙은 그림자만 찾습니다.</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Shorter shadows behind a highlight are taken for seabed texture.</source>
        <translation>하이라이트 뒤의 그림자가 이보다 짧으면 해저면 질감으로 봅니다.</translation>
    </message>
    <message>
        <source>Contacts scored lower are not proposed.</source>
        <translation>점수가 이보다 낮은 접촉물은 제안하지 않습니다.</translation>
    </message>
    <message>
        <source>Also look for large objects such as wrecks (a coarse pass)</source>
        <translation>난파선 같은 큰 물체도 찾기 (거친 해상도 탐색)</translation>
    </message>
    <message>
        <source>Look into the water column for moored objects</source>
        <translation>수층에서 계류된 물체 찾기</translation>
    </message>
    <message>
        <source>Highlight above</source>
        <translation>하이라이트 기준</translation>
    </message>
    <message>
        <source>Shadow below</source>
        <translation>그림자 기준</translation>
    </message>
    <message>
        <source>Shortest shadow</source>
        <translation>최소 그림자 길이</translation>
    </message>
    <message>
        <source>Lowest score</source>
        <translation>최저 점수</translation>
    </message>
    <message>
        <source>CNN detector</source>
        <translation>CNN 탐지기</translation>
    </message>
    <message>
        <source>Boxes the network scores lower are not proposed.</source>
        <translation>신경망 점수가 이보다 낮은 상자는 제안하지 않습니다.</translation>
    </message>
    <message>
        <source> × its level</source>
        <translation> × 수층 수준</translation>
    </message>
    <message>
        <source>An echo in the water column is an object's when it is this many times brighter than the water column at that range. Higher on a noisy water column (fish, wakes).</source>
        <translation>수층의 에코가 같은 거리의 수층보다 이 배수 이상 밝으면 물체로 봅니다. 수층이 잡음이 많으면(물고기, 항적) 높이십시오.</translation>
    </message>
    <message>
        <source>Water-column echo above</source>
        <translation>수층 에코 기준</translation>
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
    <message>
        <source>Inference</source>
        <translation>추론</translation>
    </message>
    <message>
        <source>bf16 (PatchTST and DLinear in fp32)</source>
        <translation>bf16 (PatchTST와 DLinear는 fp32)</translation>
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
        <source>Automatic (CUDA, then MPS, then CPU)</source>
        <translation>자동 (CUDA → MPS → CPU 순)</translation>
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
        <translation>
            <numerusform>%1 열림: 핑 %n개</numerusform>
        </translation>
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
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>Fathom</source>
        <translation>Fathom</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n row(s)</source>
        <translation>
            <numerusform>%1: %n행</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Model</source>
        <translation>모델 삭제</translation>
    </message>
    <message>
        <source>Delete the trained model in %1? This cannot be undone.</source>
        <translation>%1의 학습된 모델을 삭제할까요? 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>Open Sensor Series</source>
        <translation>센서 시계열 열기</translation>
    </message>
    <message>
        <source>Sensor series (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>센서 시계열 (*.csv *.tsv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Restore Unsaved Work</source>
        <translation>저장되지 않은 작업 복원</translation>
    </message>
    <message>
        <source>Fathom did not close properly last time. Restore the work it saved on %1?</source>
        <translation>지난번에 Fathom이 정상적으로 종료되지 않았습니다. %1에 저장된 작업을 복원할까요?</translation>
    </message>
    <message>
        <source>%1[*] — Fathom</source>
        <translation>%1[*] — Fathom</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>프로젝트 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent Project</source>
        <translation>최근 프로젝트 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>프로젝트 저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save Project &amp;As…</source>
        <translation>다른 이름으로 프로젝트 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>프로젝트 열기</translation>
    </message>
    <message>
        <source>Opened project %1</source>
        <translation>프로젝트 %1 열림</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>프로젝트 저장</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 저장됨</translation>
    </message>
    <message>
        <source>Fathom projects (*.fathom)</source>
        <translation>Fathom 프로젝트 (*.fathom)</translation>
    </message>
    <message>
        <source>Fathom projects (*.fathom);;All files (*)</source>
        <translation>Fathom 프로젝트 (*.fathom);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>저장되지 않은 변경 사항</translation>
    </message>
    <message>
        <source>The project has changes that are not saved. Save them first?</source>
        <translation>프로젝트에 저장되지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>Compare Models</source>
        <translation>모델 비교</translation>
    </message>
    <message>
        <source>Both forecasts are drawn on the series; the Channels menu hides either.</source>
        <translation>두 예측이 모두 시계열에 그려집니다. 채널 메뉴에서 숨길 수 있습니다.</translation>
    </message>
    <message>
        <source>Inputs Moved</source>
        <translation>입력 파일 이동됨</translation>
    </message>
    <message>
        <source>These files of the project are not where it says:
%1

Locate them? The alerts, reviews and models stay as they are either way.</source>
        <translation>프로젝트의 다음 파일이 기록된 위치에 없습니다:
%1

찾아 지정할까요? 경보, 검토, 모델은 어느 쪽이든 그대로 유지됩니다.</translation>
    </message>
    <message>
        <source>Locate…</source>
        <translation>찾기…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>건너뛰기</translation>
    </message>
    <message>
        <source>Locate %1</source>
        <translation>%1 찾기</translation>
    </message>
    <message>
        <source>Sidescan files (*.xtf *.XTF *.jsf *.JSF);;All files (*)</source>
        <translation>사이드스캔 파일 (*.xtf *.XTF *.jsf *.JSF);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open a survey first: contacts are found in its sidescan.</source>
        <translation>먼저 조사 파일을 여세요: 접촉물은 사이드스캔에서 찾습니다.</translation>
    </message>
    <message>
        <source>&amp;Detect Contacts</source>
        <translation>접촉물 탐지(&amp;D)</translation>
    </message>
    <message>
        <source>Detection</source>
        <translation>탐지</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) proposed</source>
        <translation>
            <numerusform>접촉물 %n개 제안됨</numerusform>
        </translation>
    </message>
    <message>
        <source>Magnetometer (%1): %2 nT from the local median, %3 s from the contact</source>
        <translation>자력계 (%1): 주변 중앙값 대비 %2 nT, 접촉물에서 %3초</translation>
    </message>
    <message>
        <source>Contacts of the &amp;Classical Detector on the Waterfall</source>
        <translation>워터폴에 고전 탐지기 접촉물 표시(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export Contacts…</source>
        <translation>접촉물 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Export Contacts</source>
        <translation>접촉물 내보내기</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson);;KML for Google Earth (*.kml);;CSV (*.csv)</source>
        <translation>GeoJSON (*.geojson);;Google Earth용 KML (*.kml);;CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) written to %1</source>
        <translation>
            <numerusform>접촉물 %n개를 %1에 저장함</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Survey &amp;Mosaic…</source>
        <translation>조사 모자이크 내보내기(&amp;M)…</translation>
    </message>
    <message>
        <source>Open a survey first: the mosaic is made from its sidescan.</source>
        <translation>먼저 조사 파일을 여십시오. 모자이크는 사이드스캔으로 만듭니다.</translation>
    </message>
    <message>
        <source>Export Survey Mosaic</source>
        <translation>조사 모자이크 내보내기</translation>
    </message>
    <message>
        <source>GeoTIFF mosaic (*.tif);;Waterfall image, ground range (*.png)</source>
        <translation>GeoTIFF 모자이크 (*.tif);;워터폴 이미지, 지상 거리 (*.png)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 쓰는 중…</translation>
    </message>
    <message>
        <source>%1 × %2 pixels of %3 m</source>
        <translation>%1 × %2 픽셀, 픽셀당 %3 m</translation>
    </message>
    <message>
        <source>%1 written</source>
        <translation>%1 저장됨</translation>
    </message>
    <message>
        <source>Export Alerts</source>
        <translation>경보 내보내기</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) written to %1</source>
        <translation>
            <numerusform>경보 %n개를 %1에 저장함</numerusform>
        </translation>
    </message>
    <message>
        <source>Contacts of the C&amp;NN Detector on the Waterfall</source>
        <translation>워터폴에 CNN 탐지기의 접촉물 표시(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Retrain Detector…</source>
        <translation>탐지기 재학습(&amp;R)…</translation>
    </message>
    <message>
        <source>Open a survey first: the detector learns from its confirmed contacts.</source>
        <translation>먼저 조사 파일을 여십시오. 탐지기는 확인된 접촉물로 학습합니다.</translation>
    </message>
    <message>
        <source>The detectors are busy; try again when they finish.</source>
        <translation>탐지기가 작업 중입니다. 끝난 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>%1 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>%1 다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Retrain Detector</source>
        <translation>탐지기 재학습</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>The survey is still being read: mark contacts once it is indexed.</source>
        <translation>조사 파일을 아직 읽는 중입니다: 색인이 끝나면 접촉물을 지정하십시오.</translation>
    </message>
    <message>
        <source>Mark Contact Here</source>
        <translation>여기에 접촉물 지정</translation>
    </message>
    <message>
        <source>The object here becomes a contact, measured from its samples (or Ctrl+drag a box round it)</source>
        <translation>이 위치의 물체를 접촉물로 지정하고 샘플로 크기를 잽니다 (또는 Ctrl+드래그로 상자 그리기)</translation>
    </message>
    <message>
        <source>no class</source>
        <translation>분류 없음</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · %3 · %4 × %5 × %6 m</source>
        <translation>&lt;b&gt;핑 %1&lt;/b&gt;, %2 · %3 · %4 × %5 × %6 m</translation>
    </message>
    <message>
        <source> · right-click the contact's box to make it its height</source>
        <translation> · 접촉물 상자를 오른쪽 클릭하면 이 값을 높이로 설정</translation>
    </message>
    <message>
        <source>Select a span first: Shift+drag over the series lanes.</source>
        <translation>먼저 구간을 선택하십시오: 시계열 레인 위에서 Shift+드래그.</translation>
    </message>
    <message>
        <source>&amp;Mark Selection as Anomaly</source>
        <translation>선택 구간을 이상으로 표시(&amp;M)</translation>
    </message>
    <message>
        <source>Open &amp;Demo Survey</source>
        <translation>데모 조사 열기(&amp;D)</translation>
    </message>
    <message>
        <source>Open Demo Survey</source>
        <translation>데모 조사 열기</translation>
    </message>
    <message>
        <source>Open a survey first: the gallery shows its contacts.</source>
        <translation>먼저 조사를 여십시오: 갤러리는 그 접촉물을 보여 줍니다.</translation>
    </message>
    <message>
        <source>That could not be done on the sensor series. What was open, reviewed or trained is kept.</source>
        <translation>센서 시계열에서 그 작업을 할 수 없습니다. 열어 둔 것, 검토한 것, 학습한 것은 그대로 유지됩니다.</translation>
    </message>
    <message>
        <source>That could not be done on the contacts. The contacts listed and their review are kept.</source>
        <translation>접촉물에서 그 작업을 할 수 없습니다. 목록의 접촉물과 검토 결과는 그대로 유지됩니다.</translation>
    </message>
    <message>
        <source>The contacts could not be written to %1.</source>
        <translation>접촉물을 %1에 기록할 수 없습니다.</translation>
    </message>
    <message>
        <source>The project %1 could not be opened. What was open stays open.</source>
        <translation>프로젝트 %1을(를) 열 수 없습니다. 열려 있던 것은 그대로 열려 있습니다.</translation>
    </message>
    <message>
        <source>The project could not be saved as %1. Your work stays open in the window; save it elsewhere.</source>
        <translation>프로젝트를 %1(으)로 저장할 수 없습니다. 작업은 창에 그대로 열려 있으니 다른 곳에 저장하세요.</translation>
    </message>
    <message>
        <source>The demo survey could not be written.</source>
        <translation>데모 조사를 기록할 수 없습니다.</translation>
    </message>
    <message>
        <source>The alerts could not be written to %1.</source>
        <translation>경보를 %1에 기록할 수 없습니다.</translation>
    </message>
    <message>
        <source>The mosaic could not be written to %1.</source>
        <translation>모자이크를 %1에 기록할 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 could not be opened as a survey. What was open stays open.</source>
        <translation>%1을(를) 조사 파일로 열 수 없습니다. 열려 있던 것은 그대로 열려 있습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ping %1&lt;/b&gt;, %2 · %3 · %4 × %5 m, no height</source>
        <translation>&lt;b&gt;핑 %1&lt;/b&gt;, %2 · %3 · %4 × %5 m, 높이 없음</translation>
    </message>
    <message>
        <source>Detection &amp;Settings…</source>
        <translation>탐지 설정(&amp;S)…</translation>
    </message>
    <message>
        <source>The next Detect Contacts (Ctrl+D) uses the new settings.</source>
        <translation>다음 접촉물 탐지(Ctrl+D)부터 새 설정을 씁니다.</translation>
    </message>
    <message>
        <source>Detecting: %p %</source>
        <translation>탐지 중: %p %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop looking for contacts; the list stays as it was</source>
        <translation>접촉물 찾기를 멈춥니다. 목록은 그대로 남습니다</translation>
    </message>
    <message>
        <source>Open S&amp;urvey…</source>
        <translation>조사 열기(&amp;U)…</translation>
    </message>
    <message>
        <source>Open Se&amp;nsor Series…</source>
        <translation>센서 시계열 열기(&amp;N)…</translation>
    </message>
    <message>
        <source>Contact Ga&amp;llery…</source>
        <translation>접촉물 갤러리(&amp;L)…</translation>
    </message>
    <message>
        <source>Export Aler&amp;ts…</source>
        <translation>경보 내보내기(&amp;T)…</translation>
    </message>
    <message>
        <source>Re&amp;port…</source>
        <translation>보고서(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Active Device</source>
        <translation>사용 장치(&amp;A)</translation>
    </message>
    <message>
        <source>Forecasts and alerts on the CPU now run in bf16.</source>
        <translation>이제 CPU의 예측과 경보를 bf16으로 계산합니다.</translation>
    </message>
    <message>
        <source>Forecasts and alerts on the CPU now run in fp32.</source>
        <translation>이제 CPU의 예측과 경보를 fp32로 계산합니다.</translation>
    </message>
    <message>
        <source>&amp;bf16 Inference on the CPU</source>
        <translation>CPU에서 bf16 추론(&amp;B)</translation>
    </message>
    <message>
        <source>The ensemble and its members about four times as fast on a CPU with Intel AMX (less with AVX-512 BF16 alone, slower with neither; PatchTST and DLinear stay fp32); forecasts move by about a thousandth, and a score right at an alert threshold may fall on the other side.</source>
        <translation>Intel AMX가 있는 CPU에서 앙상블과 그 구성 모델이 약 4배 빨라집니다(AVX-512 BF16만 있으면 덜 빨라지고, 둘 다 없으면 더 느림. PatchTST와 DLinear는 fp32 유지). 예측값은 약 1/1000 정도 달라지며, 경보 임계값에 바로 걸친 점수는 반대편으로 넘어갈 수 있습니다.</translation>
    </message>
    <message>
        <source>Choose the Data to Train On</source>
        <translation>학습할 데이터 선택</translation>
    </message>
    <message>
        <source>The next model run over the series uses the new alert settings.</source>
        <translation>다음에 시계열에 모델을 실행할 때 새 경보 설정을 사용합니다.</translation>
    </message>
    <message>
        <source>Alert Sett&amp;ings…</source>
        <translation>경보 설정(&amp;I)…</translation>
    </message>
</context>
<context>
    <name>fathom::ModelSettingsDialog</name>
    <message>
        <source>Model Settings</source>
        <translation>모델 설정</translation>
    </message>
    <message>
        <source>Every model</source>
        <translation>모든 모델</translation>
    </message>
    <message>
        <source>Dropout:</source>
        <translation>드롭아웃:</translation>
    </message>
    <message>
        <source>PatchTST</source>
        <translation>PatchTST</translation>
    </message>
    <message>
        <source>twice the width</source>
        <translation>너비의 두 배</translation>
    </message>
    <message>
        <source>Learned scale and shift around the instance normalisation (RevIN)</source>
        <translation>인스턴스 정규화 앞뒤의 학습된 스케일과 이동 (RevIN)</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>너비:</translation>
    </message>
    <message>
        <source>Attention heads:</source>
        <translation>어텐션 헤드:</translation>
    </message>
    <message>
        <source>Encoder layers:</source>
        <translation>인코더 층:</translation>
    </message>
    <message>
        <source>Feed-forward width:</source>
        <translation>피드포워드 너비:</translation>
    </message>
    <message>
        <source>Patch length:</source>
        <translation>패치 길이:</translation>
    </message>
    <message>
        <source>Patch stride:</source>
        <translation>패치 간격:</translation>
    </message>
    <message>
        <source>The paper's ETTh1 sizes: width 16, 4 heads, feed-forward 128, dropout 0.3.</source>
        <translation>논문의 ETTh1 크기: 너비 16, 헤드 4개, 피드포워드 128, 드롭아웃 0.3.</translation>
    </message>
    <message>
        <source>The width (%1) must be a multiple of the attention heads (%2).</source>
        <translation>너비(%1)는 어텐션 헤드 수(%2)의 배수여야 합니다.</translation>
    </message>
</context>
<context>
    <name>fathom::RemoteTrainer</name>
    <message>
        <source>%1: %2 of %3 MiB</source>
        <translation>%1: %3 MiB 중 %2 MiB</translation>
    </message>
    <message>
        <source>, %1 % busy</source>
        <translation>, 사용률 %1 %</translation>
    </message>
    <message>
        <source>training process %1 MiB</source>
        <translation>학습 프로세스 %1 MiB</translation>
    </message>
    <message>
        <source>host memory %1 of %2 MiB free</source>
        <translation>호스트 메모리 %2 MiB 중 %1 MiB 여유</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Could not run ssh (%1): remote training needs the OpenSSH client.</source>
        <translation>ssh를 실행할 수 없습니다(%1). 원격 학습에는 OpenSSH 클라이언트가 필요합니다.</translation>
    </message>
    <message>
        <source>Could not reach %1 over SSH: %2</source>
        <translation>SSH로 %1에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>No remote host given: name one from your ~/.ssh/config, or user@host.</source>
        <translation>원격 호스트가 없습니다. ~/.ssh/config의 호스트나 user@host를 입력하세요.</translation>
    </message>
    <message>
        <source>%1: no such data file to copy to %2.</source>
        <translation>%1: %2(으)로 복사할 데이터 파일이 없습니다.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 확인 중…</translation>
    </message>
    <message>
        <source>%1 has no fathom-cli at “%2”: install Fathom's headless engine there, or give its path.</source>
        <translation>%1에 “%2” fathom-cli가 없습니다. 그곳에 Fathom 헤드리스 엔진을 설치하거나 경로를 지정하세요.</translation>
    </message>
    <message>
        <source>fathom-cli on %1 did not start: %2</source>
        <translation>%1의 fathom-cli가 시작되지 않았습니다: %2</translation>
    </message>
    <message>
        <source>%1 runs %2; this app is %3.</source>
        <translation>%1은(는) %2을(를) 실행합니다. 이 앱은 %3입니다.</translation>
    </message>
    <message>
        <source>Could not make the run folder %1 on %2: %3</source>
        <translation>%2에 실행 폴더 %1을(를) 만들 수 없습니다: %3</translation>
    </message>
    <message>
        <source>Copying %1 to %2 (%3 of %4)…</source>
        <translation>%1을(를) %2(으)로 복사 중 (%4개 중 %3)…</translation>
    </message>
    <message>
        <source>Could not copy %1 to %2: %3</source>
        <translation>%1을(를) %2(으)로 복사할 수 없습니다: %3</translation>
    </message>
    <message>
        <source>Starting the training on %1…</source>
        <translation>%1에서 학습 시작 중…</translation>
    </message>
    <message>
        <source>Could not start the training on %1: %2</source>
        <translation>%1에서 학습을 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Training on %1 in %2</source>
        <translation>%1의 %2에서 학습 중</translation>
    </message>
    <message>
        <source>Reattached to the run on %1</source>
        <translation>%1의 실행에 다시 연결했습니다</translation>
    </message>
    <message>
        <source>Lost the connection to %1; the run goes on there. Reattaching in %2 s…</source>
        <translation>%1과(와)의 연결이 끊겼습니다. 실행은 그곳에서 계속됩니다. %2초 후 다시 연결합니다…</translation>
    </message>
    <message>
        <source>Cancelled the run on %1</source>
        <translation>%1의 실행을 취소했습니다</translation>
    </message>
    <message>
        <source>The training on %1 was stopped from outside Fathom; what it wrote stays in %2 there.</source>
        <translation>%1의 학습이 Fathom 밖에서 중지되었습니다. 기록된 내용은 그곳의 %2에 남아 있습니다.</translation>
    </message>
    <message>
        <source>The training on %1 failed: %2</source>
        <translation>%1의 학습이 실패했습니다: %2</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>종료 상태 %1</translation>
    </message>
    <message>
        <source>Bringing the trained models back from %1…</source>
        <translation>%1에서 학습된 모델을 가져오는 중…</translation>
    </message>
    <message>
        <source>Could not write to %1: the models stay on %2 in %3.</source>
        <translation>%1에 쓸 수 없습니다. 모델은 %2의 %3에 남아 있습니다.</translation>
    </message>
    <message>
        <source>Could not bring the models back from %1 (%2); they stay there in %3.</source>
        <translation>%1에서 모델을 가져올 수 없습니다(%2). 모델은 그곳의 %3에 남아 있습니다.</translation>
    </message>
    <message>
        <source>the transfer broke</source>
        <translation>전송이 끊겼습니다</translation>
    </message>
    <message>
        <source>Could not replace %1: the new model stays in %2.</source>
        <translation>%1을(를) 바꿀 수 없습니다. 새 모델은 %2에 남아 있습니다.</translation>
    </message>
    <message>
        <source>Could not move the model into %1: it stays in %2.</source>
        <translation>모델을 %1(으)로 옮길 수 없습니다. 모델은 %2에 남아 있습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Finished on %1: %n model(s) brought back</source>
        <translation>
            <numerusform>%1에서 완료: 모델 %n개를 가져왔습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping the run on %1…</source>
        <translation>%1의 실행을 중지하는 중…</translation>
    </message>
    <message>
        <source>Could not reach %1 to stop the run (%2); it may still be running there in %3.</source>
        <translation>실행을 중지하려 했으나 %1에 연결할 수 없습니다(%2). 그곳의 %3에서 아직 실행 중일 수 있습니다.</translation>
    </message>
    <message>
        <source>Could not pause the run on %1: %2</source>
        <translation>%1의 실행을 일시 정지할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Could not resume the run on %1: %2</source>
        <translation>%1의 실행을 재개할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Paused on %1</source>
        <translation>%1에서 일시 정지됨</translation>
    </message>
    <message>
        <source>Resumed on %1</source>
        <translation>%1에서 재개됨</translation>
    </message>
    <message>
        <source>Following the run on %1 in %2 again…</source>
        <translation>%1의 %2에서 실행을 다시 따라가는 중…</translation>
    </message>
    <message>
        <source>Reading the data set to send to %1…</source>
        <translation>%1(으)로 보낼 데이터 세트를 읽는 중…</translation>
    </message>
    <message>
        <source>Could not read %1 to send it to %2.</source>
        <translation>%2(으)로 보내려고 %1을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 is already on %2: not sent again (%3 of %4)</source>
        <translation>%1은(는) 이미 %2에 있어 다시 보내지 않습니다 (%4개 중 %3)</translation>
    </message>
    <message>
        <source> (%1 runs %2; this app needs fathom-cli %3 there)</source>
        <translation> (%1은(는) %2을(를) 실행합니다. 이 앱에는 그곳에 fathom-cli %3이(가) 필요합니다)</translation>
    </message>
    <message>
        <source>On %1: no memory figures from that system</source>
        <translation>%1: 그 시스템은 메모리 수치를 알려 주지 않습니다</translation>
    </message>
</context>
<context>
    <name>fathom::ReportDialog</name>
    <message>
        <source>Survey summary</source>
        <translation>조사 요약</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>접촉물</translation>
    </message>
    <message>
        <source>Spike alerts</source>
        <translation>급변 경보</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Analyst's notes</source>
        <translation>분석가 메모</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>보고서</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>작성자(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>날짜(&amp;D):</translation>
    </message>
    <message>
        <source>Printed in every page's header and footer</source>
        <translation>모든 쪽의 머리글과 바닥글에 인쇄됩니다</translation>
    </message>
    <message>
        <source>&amp;Classification:</source>
        <translation>보안 등급(&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>용지 크기(&amp;P):</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>위로(&amp;U)</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>아래로(&amp;W)</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>절</translation>
    </message>
    <message>
        <source>Include &amp;rejected contacts and alerts</source>
        <translation>기각된 접촉물과 경보 포함(&amp;R)</translation>
    </message>
    <message>
        <source>Contacts shown (highest score first):</source>
        <translation>표시할 접촉물 수(점수 높은 순):</translation>
    </message>
    <message>
        <source>The analyst's notes: conditions, remarks, recommendations…</source>
        <translation>분석가 메모: 조건, 의견, 권고…</translation>
    </message>
    <message>
        <source>report.pdf or report.html</source>
        <translation>report.pdf 또는 report.html</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>파일(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Write Report</source>
        <translation>보고서 쓰기(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>메모:</translation>
    </message>
    <message>
        <source>Write Report</source>
        <translation>보고서 쓰기</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;웹 페이지 (*.html)</translation>
    </message>
    <message>
        <source>Choose a file ending in .pdf or .html.</source>
        <translation>.pdf 또는 .html로 끝나는 파일을 고르십시오.</translation>
    </message>
    <message>
        <source>%1 cannot be written: the folder is missing or read-only.</source>
        <translation>%1에 쓸 수 없습니다. 폴더가 없거나 읽기 전용입니다.</translation>
    </message>
    <message>
        <source>Tick at least one section.</source>
        <translation>절을 하나 이상 선택하십시오.</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>보고서 만드는 중…</translation>
    </message>
    <message numerus="yes">
        <source>Written to %1 (%n pages).</source>
        <translation>
            <numerusform>%1에 저장됨(%n쪽).</numerusform>
        </translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>%1에 저장됨.</translation>
    </message>
    <message>
        <source>Some parts could not be shown; the report says which.</source>
        <translation>일부 항목을 표시하지 못했습니다. 보고서에 표시되어 있습니다.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>취소됨. 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <source>Alerts shown (highest score first):</source>
        <translation>표시할 경보 수(점수 높은 순):</translation>
    </message>
</context>
<context>
    <name>fathom::RetrainDialog</name>
    <message>
        <source>Retrain Detector</source>
        <translation>탐지기 재학습</translation>
    </message>
    <message>
        <source>Learning from the confirmed contacts…</source>
        <translation>확인된 접촉물로 학습하는 중…</translation>
    </message>
    <message>
        <source>training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Done (%1). The detector in %2 is used from now on; contacts are being proposed again.</source>
        <translation>완료(%1). 이제부터 %2의 탐지기를 사용합니다. 접촉물을 다시 제안하는 중입니다.</translation>
    </message>
    <message>
        <source>Epoch %1 of %2, loss %3</source>
        <translation>에포크 %1/%2, 손실 %3</translation>
    </message>
</context>
<context>
    <name>fathom::ReviewTable</name>
    <message>
        <source>Confirmed</source>
        <translation>확인됨</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>기각됨</translation>
    </message>
    <message>
        <source>New</source>
        <translation>신규</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>확인</translation>
    </message>
    <message>
        <source>Confirm the selected item (C)</source>
        <translation>선택한 항목 확인 (C)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>기각</translation>
    </message>
    <message>
        <source>Reject the selected item (X); U sets it back to new, J/K move, Enter edits the note</source>
        <translation>선택한 항목 기각 (X); U는 신규로 되돌리고 J/K로 이동, Enter로 메모 편집</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Back to New</source>
        <translation>신규로 되돌리기</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>메모…</translation>
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
        <translation>커서를 레인 위로 옮기면 모든 채널 값을 읽을 수 있습니다</translation>
    </message>
    <message>
        <source>Forecasts</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>채널</translation>
    </message>
    <message>
        <source>Choose the channels shown as lanes and the forecasts drawn over them</source>
        <translation>레인으로 표시할 채널과 그 위에 그릴 예측 선택</translation>
    </message>
    <message>
        <source>No sensor series open</source>
        <translation>열린 센서 시계열 없음</translation>
    </message>
    <message>
        <source>   selected: %1 s</source>
        <translation>   선택: %1초</translation>
    </message>
    <message>
        <source>Mark the selection as an anomaly</source>
        <translation>선택 구간을 이상으로 표시</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>선택 해제</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · Ctrl+drag: zoom to a box · Shift+drag: select a span · double-click: everything · click an alert to review it · right-click: mark the selection</source>
        <translation>휠: 확대/축소 · 드래그: 이동 · Ctrl+드래그: 상자 확대 · Shift+드래그: 구간 선택 · 더블클릭: 전체 · 경보를 클릭하면 검토 · 오른쪽 클릭: 선택 구간 표시</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>test</source>
        <translation>시험</translation>
    </message>
</context>
<context>
    <name>fathom::ShortcutsDialog</name>
    <message>
        <source>Menus</source>
        <translation>메뉴</translation>
    </message>
    <message>
        <source>Waterfall</source>
        <translation>워터폴</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>스크롤</translation>
    </message>
    <message>
        <source>Wheel, ↑ ↓, Page Up, Page Down</source>
        <translation>휠, ↑ ↓, Page Up, Page Down</translation>
    </message>
    <message>
        <source>Start or end of the file</source>
        <translation>파일의 처음 또는 끝</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Home, End</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>확대/축소</translation>
    </message>
    <message>
        <source>Ctrl+wheel, +, −</source>
        <translation>Ctrl+휠, +, −</translation>
    </message>
    <message>
        <source>Measure across the seabed (and an object's height from its shadow)</source>
        <translation>해저면 거리 측정(그림자로 물체 높이도)</translation>
    </message>
    <message>
        <source>Shift+drag</source>
        <translation>Shift+드래그</translation>
    </message>
    <message>
        <source>Select a contact</source>
        <translation>접촉물 선택</translation>
    </message>
    <message>
        <source>Click its box</source>
        <translation>상자 클릭</translation>
    </message>
    <message>
        <source>Series lanes</source>
        <translation>시계열 레인</translation>
    </message>
    <message>
        <source>Zoom, pan</source>
        <translation>확대/축소, 이동</translation>
    </message>
    <message>
        <source>Wheel, drag</source>
        <translation>휠, 드래그</translation>
    </message>
    <message>
        <source>Zoom into a box</source>
        <translation>상자 영역 확대</translation>
    </message>
    <message>
        <source>Ctrl+drag</source>
        <translation>Ctrl+드래그</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>더블클릭</translation>
    </message>
    <message>
        <source>Select a span (to mark as an anomaly)</source>
        <translation>구간 선택(이상으로 표시하려면)</translation>
    </message>
    <message>
        <source>Bring the waterfall to a moment</source>
        <translation>워터폴을 해당 시각으로 이동</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>클릭</translation>
    </message>
    <message>
        <source>Alerts and contacts lists</source>
        <translation>경보·접촉물 목록</translation>
    </message>
    <message>
        <source>Next, previous</source>
        <translation>다음, 이전</translation>
    </message>
    <message>
        <source>J, K</source>
        <translation>J, K</translation>
    </message>
    <message>
        <source>Confirm, reject, back to new</source>
        <translation>확인, 기각, 신규로 되돌리기</translation>
    </message>
    <message>
        <source>C, X, U</source>
        <translation>C, X, U</translation>
    </message>
    <message>
        <source>Edit the note</source>
        <translation>메모 편집</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Class of a contact: cylinder, cone, sphere, rock, debris, wreck</source>
        <translation>접촉물 분류: 원통형, 원뿔형, 구형, 암석, 잔해, 난파선</translation>
    </message>
    <message>
        <source>1 – 6</source>
        <translation>1 – 6</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
    <message>
        <source>Mark a contact the detectors missed (box it with its shadow)</source>
        <translation>탐지기가 놓친 접촉물 지정 (그림자까지 상자로 감싸기)</translation>
    </message>
    <message>
        <source>Review a contact (status, class), or mark one at the mouse</source>
        <translation>접촉물 검토(상태, 분류) 또는 마우스 위치에 지정</translation>
    </message>
    <message>
        <source>Right-click</source>
        <translation>오른쪽 클릭</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete a contact or anomaly you marked</source>
        <translation>직접 지정한 접촉물이나 이상 구간 삭제</translation>
    </message>
    <message>
        <source>Review an alert</source>
        <translation>경보 검토</translation>
    </message>
    <message>
        <source>Right-click it</source>
        <translation>경보 위에서 오른쪽 클릭</translation>
    </message>
    <message>
        <source>Shift+drag, then right-click or Ctrl+M</source>
        <translation>Shift+드래그 후 오른쪽 클릭 또는 Ctrl+M</translation>
    </message>
    <message>
        <source>Review the contacts without leaving the waterfall</source>
        <translation>워터폴에서 바로 접촉물 검토</translation>
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
        <translation>색인 중… 지금까지 핑 %1개</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>Pings</source>
        <translation>핑</translation>
    </message>
    <message>
        <source>%1, %2 samples a channel</source>
        <translation>%1개, 채널당 샘플 %2개</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>시간 (UTC)</translation>
    </message>
    <message>
        <source>%1 to %2 (%3 s)</source>
        <translation>%1 ~ %2 (%3초)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>범위</translation>
    </message>
    <message>
        <source>longitude %1 to %2, latitude %3 to %4</source>
        <translation>경도 %1 ~ %2, 위도 %3 ~ %4</translation>
    </message>
    <message>
        <source>x %1 to %2 m, y %3 to %4 m</source>
        <translation>x %1 ~ %2 m, y %3 ~ %4 m</translation>
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
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>채널 %1</translation>
    </message>
    <message>
        <source>%1, “%2”, %3, %4 kHz</source>
        <translation>%1, “%2”, %3, %4 kHz</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>패킷</translation>
    </message>
    <message>
        <source>Reading stopped early: %1</source>
        <translation>읽기가 일찍 멈췄습니다: %1</translation>
    </message>
</context>
<context>
    <name>fathom::TrainingPanel</name>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3): epoch %4/%5 · loss %6 · %7 samples/s · ETA %8</source>
        <translation>%1 (%3개 중 %2번째): 에포크 %4/%5 · 손실 %6 · 초당 %7 샘플 · 남은 시간 %8</translation>
    </message>
    <message>
        <source>%1 training</source>
        <translation>%1 학습</translation>
    </message>
    <message>
        <source>%1 validation</source>
        <translation>%1 검증</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>대상</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>제외</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Lookback</source>
        <translation>입력 길이</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>CSV or TSV file with the sensor series</source>
        <translation>센서 시계열이 담긴 CSV 또는 TSV 파일</translation>
    </message>
    <message>
        <source>A 0/1 column marking anomalous rows: the spike detector learns from it</source>
        <translation>이상 행을 표시한 0/1 열: 스파이크 탐지기가 이를 학습합니다</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 단계</translation>
    </message>
    <message>
        <source>Channels not to learn from, comma-separated (e.g. ping)</source>
        <translation>학습에서 뺄 채널, 쉼표로 구분 (예: ping)</translation>
    </message>
    <message>
        <source>Batch %1 from the profile of %2</source>
        <translation>%2 프로파일의 배치 %1</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Train the checked models in the background, one after another</source>
        <translation>선택한 모델을 백그라운드에서 차례로 학습</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop after the current step; models finished so far are kept</source>
        <translation>현재 단계 후 중지; 지금까지 완료된 모델은 보존됩니다</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Validation MSE</source>
        <translation>검증 MSE</translation>
    </message>
    <message>
        <source>Test MSE</source>
        <translation>시험 MSE</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Set active</source>
        <translation>활성으로 지정</translation>
    </message>
    <message>
        <source>Use the selected model for forecasts and alerts</source>
        <translation>선택한 모델로 예측과 경보 생성</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Retrain</source>
        <translation>재학습</translation>
    </message>
    <message>
        <source>Fine-tune the active model on the data and on the alerts you reviewed (confirmed: anomalies; rejected: normal)</source>
        <translation>활성 모델을 데이터와 검토한 경보로 미세 조정 (확인: 이상, 기각: 정상)</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>메모리: %1</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Select two models: their metrics side by side and both forecasts on the series</source>
        <translation>모델 두 개를 선택하면 지표를 나란히 보고 두 예측을 시계열에 그립니다</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>실행 위치</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>A remote host (SSH)</source>
        <translation>원격 호스트 (SSH)</translation>
    </message>
    <message>
        <source>A remote host gets a copy of the data and runs fathom-cli there; progress and the trained models come back here</source>
        <translation>원격 호스트에 데이터 사본을 보내 그곳에서 fathom-cli를 실행합니다. 진행 상황과 학습된 모델은 이곳으로 돌아옵니다</translation>
    </message>
    <message>
        <source>A host from your ~/.ssh/config, or user@host: your own keys and agent are used, Fathom stores no secret</source>
        <translation>~/.ssh/config의 호스트 또는 user@host: 사용자의 키와 에이전트를 사용하며 Fathom은 비밀 정보를 저장하지 않습니다</translation>
    </message>
    <message>
        <source>host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>fathom-cli on that host</source>
        <translation>그 호스트의 fathom-cli</translation>
    </message>
    <message>
        <source>The command or full path of fathom-cli on the remote host</source>
        <translation>원격 호스트의 fathom-cli 명령 또는 전체 경로</translation>
    </message>
    <message>
        <source>accumulated ×</source>
        <translation>누적 ×</translation>
    </message>
    <message>
        <source>Gradient accumulation: the gradients of this many batches are summed before the weights move, as one batch that many times larger would, in one batch's memory</source>
        <translation>그래디언트 누적: 이 수만큼의 배치 그래디언트를 합한 뒤 가중치를 한 번 갱신합니다. 그만큼 큰 배치 하나와 같은 효과를 배치 하나의 메모리로 얻습니다</translation>
    </message>
    <message>
        <source>split</source>
        <translation>분할</translation>
    </message>
    <message>
        <source>Training, validation and test parts in row order: shares in percent (70/15/15), or the times the validation and the test parts begin (2025-11-23 06:42, 2025-11-23 06:43)</source>
        <translation>행 순서대로 나눈 학습·검증·시험 구간: 백분율 비율(70/15/15) 또는 검증 구간과 시험 구간이 시작하는 시각(2025-11-23 06:42, 2025-11-23 06:43)</translation>
    </message>
    <message>
        <source>Model Settings…</source>
        <translation>모델 설정…</translation>
    </message>
    <message>
        <source>with learned scale and shift</source>
        <translation>학습된 스케일과 이동 사용</translation>
    </message>
    <message>
        <source>without learned scale and shift</source>
        <translation>학습된 스케일과 이동 없음</translation>
    </message>
    <message>
        <source>Dropout %1 for every model; PatchTST: width %2, heads %3, layers %4, feed-forward %5, patches of %6 steps every %7, RevIN %8</source>
        <translation>모든 모델의 드롭아웃 %1; PatchTST: 너비 %2, 헤드 %3, 층 %4, 피드포워드 %5, %7스텝마다 %6스텝 패치, RevIN %8</translation>
    </message>
    <message>
        <source>The file to train on, or several separated by ';': they are trained on as one data set, in the order given, and need the same channels</source>
        <translation>학습할 파일, 또는 ';'로 구분한 여러 파일: 적힌 순서대로 하나의 데이터 세트로 학습하며, 채널이 모두 같아야 합니다</translation>
    </message>
    <message>
        <source>Choose the data file, or several (they are trained on as one data set)</source>
        <translation>데이터 파일을 하나 또는 여러 개 선택합니다(여러 파일은 하나의 데이터 세트로 학습합니다)</translation>
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
        <source>&amp;Contrast:</source>
        <translation>대비(&amp;C):</translation>
    </message>
    <message>
        <source>Left keeps the brightest echoes; right brings out faint seabed texture</source>
        <translation>왼쪽은 가장 밝은 반향을 살리고, 오른쪽은 희미한 해저면 질감을 드러냅니다</translation>
    </message>
    <message>
        <source>Wheel: scroll · Ctrl+wheel or +/−: zoom · Shift+drag: measure · Ctrl+drag: mark a contact</source>
        <translation>휠: 스크롤 · Ctrl+휠 또는 +/−: 확대/축소 · Shift+드래그: 측정 · Ctrl+드래그: 접촉물 지정</translation>
    </message>
    <message>
        <source>Open a sidescan file (File → Open Survey…) or start with the demo survey (Help → Open Demo Survey).</source>
        <translation>사이드스캔 파일을 열거나(파일 → 조사 열기…) 데모 조사로 시작하세요 (도움말 → 데모 조사 열기).</translation>
    </message>
</context>
</TS>
