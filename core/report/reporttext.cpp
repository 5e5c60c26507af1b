// The report's fixed wording in English and Korean. core/ has no Qt, so the report carries its own
// small catalogue; the GUI's wording lives in translations/.
#include "report.h"

#include "common/error.h"

#include <map>
#include <sstream>

namespace fathom::report {

namespace {

struct Wording
{
    const char* en;
    const char* ko;
};

const std::map<std::string, Wording>& catalogue()
{
    static const std::map<std::string, Wording> words{
        {"contents", {"Contents", "목차"}},
        {"default_title", {"Survey report", "조사 보고서"}},
        {"summary", {"Survey summary", "조사 요약"}},
        {"contacts", {"Contacts", "접촉물"}},
        {"alerts", {"Spike alerts", "급변 경보"}},
        {"models", {"Models", "모델"}},
        {"device", {"Device", "장치"}},
        {"notes", {"Analyst's notes", "분석가 메모"}},
        {"author", {"Prepared by", "작성자"}},
        {"date", {"Date", "날짜"}},
        {"page", {"Page %1 of %2", "%2쪽 중 %1쪽"}},
        {"survey_file", {"Sidescan file", "사이드스캔 파일"}},
        {"series_file", {"Sensor series", "센서 시계열"}},
        {"format", {"Format", "형식"}},
        {"recorder", {"Recorder", "기록기"}},
        {"sonar", {"Sonar", "소나"}},
        {"pings", {"Pings", "핑 수"}},
        {"time_span", {"Time span (UTC)", "시간 범위(UTC)"}},
        {"line_length", {"Line length", "측선 길이"}},
        {"rows_channels", {"Rows and channels", "행과 채널"}},
        {"contact_count", {"Contacts", "접촉물 수"}},
        {"alert_count", {"Alerts", "경보 수"}},
        {"track_caption",
         {"Track (blue; the dot marks its start) with the contacts numbered: orange new, green confirmed, grey "
          "rejected. Grid lines every %1.",
          "항적(파란 선, 점이 시작)과 번호가 붙은 접촉물: 주황은 새 항목, 녹색은 확인됨, 회색은 기각됨. 격자 간격 "
          "%1."}},
        {"no_survey", {"The project has no sidescan file.", "프로젝트에 사이드스캔 파일이 없습니다."}},
        {"no_series", {"The project has no sensor series.", "프로젝트에 센서 시계열이 없습니다."}},
        {"unreadable", {"%1 could not be read: %2", "%1을(를) 읽을 수 없습니다: %2"}},
        {"contact", {"Contact %1", "접촉물 %1"}},
        {"position", {"Position", "위치"}},
        {"ping_time", {"Ping and time (UTC)", "핑과 시각(UTC)"}},
        {"ground_range", {"Ground range", "지상 거리"}},
        {"port_side", {"port", "좌현"}},
        {"starboard_side", {"starboard", "우현"}},
        {"port_short", {"port", "좌현"}},
        {"starboard_short", {"stbd", "우현"}},
        {"length", {"Length", "길이"}},
        {"width", {"Width", "폭"}},
        {"height", {"Height (from shadow)", "높이(그림자 기준)"}},
        {"no_shadow", {"— (no shadow found behind it)", "— (뒤에 그림자 없음)"}},
        {"water_column",
         {"none: in the water column, %1 slant range (%2); width in slant range",
          "없음: 수층 안, 경사 거리 %1 (%2); 폭은 경사 거리 기준"}},
        {"water_column_placed",
         {"%3 (%2), %4 above the seabed: in the water column, %1 slant range, placed from where its shadow falls; "
          "width in slant range",
          "%3 (%2), 해저면 위 %4: 수층 안, 경사 거리 %1, 그림자가 떨어진 곳으로 위치 계산; 폭은 경사 거리 기준"}},
        {"no_height_water_column", {"— (in the water column: no shadow behind it)", "— (수층 안: 뒤에 그림자 없음)"}},
        {"class", {"Class", "분류"}},
        {"score", {"Score", "점수"}},
        {"detector_scores", {"Detector scores", "탐지기별 점수"}},
        {"analyst_marked", {"none: marked by the analyst", "없음: 분석가가 표시"}},
        {"cnn_took_it",
         {"; the CNN took it for a %1 (%2 %; an object, %3 %)", "; CNN 판단: %1 (%2 %, 물체일 확률 %3 %)"}},
        {"cnn_sees_nothing",
         {"; the CNN sees no object in its box (%1 %)", "; CNN은 상자 안에서 물체를 보지 못함 (%1 %)"}},
        {"analyst_short", {"analyst", "분석가"}},
        {"detector_classical", {"classical", "고전"}},
        {"detector_cnn", {"CNN", "CNN"}},
        {"detector_fused", {"fused", "융합"}},
        {"review", {"Review", "검토"}},
        {"note", {"Note", "메모"}},
        {"magnetometer", {"Nearest magnetometer anomaly", "가장 가까운 자력계 이상"}},
        {"magnetometer_value",
         {"%1 nT from the local median, %2 s from the contact (%3)", "국소 중앙값 대비 %1 nT, 접촉물에서 %2초 (%3)"}},
        {"no_magnetometer", {"no magnetometer channel in the series", "시계열에 자력계 채널이 없음"}},
        {"crop_caption",
         {"Contact %1: the waterfall around it, ground-range corrected, its box in yellow.",
          "접촉물 %1: 주변 워터폴(지상 거리 보정), 노란 상자가 접촉물."}},
        {"crop_caption_slant",
         {"Contact %1: the waterfall around it in slant range (it floats in the water column), its box in yellow.",
          "접촉물 %1: 주변 워터폴(경사 거리, 수층에 떠 있음), 노란 상자가 접촉물."}},
        {"crop_missing", {"No picture: %1", "그림 없음: %1"}},
        {"contact_counts",
         {"%1 contacts: %2 confirmed, %3 new, %4 rejected.", "접촉물 %1개: 확인됨 %2, 새 항목 %3, 기각됨 %4."}},
        {"contacts_shown", {"Shown: the %1 highest scored%2.", "표시: 점수가 높은 %1개%2."}},
        {"contacts_marked",
         {"%1 of them marked by the analyst where the detectors found nothing.",
          "그중 %1개는 탐지기가 놓쳐 분석가가 지정."}},
        {"without_rejected", {", rejected ones left out", ", 기각된 항목 제외"}},
        {"detection_settings",
         {"Detection settings: the classical detector's highlight above %1 × and shadow below %2 × the local "
          "mean, shadows of %3 m or more, scores of %4 or more, %5, %6; CNN boxes scored %7 or more.",
          "탐지 설정: 고전 탐지기는 주변 평균의 %1배 이상 밝은 하이라이트와 %2배 이하의 그림자, %3 m 이상의 "
          "그림자, 점수 %4 이상, %5, %6; CNN은 점수 %7 이상."}},
        {"coarse_on", {"a coarse pass for large objects", "큰 물체를 위한 거친 해상도 탐색"}},
        {"coarse_off", {"no coarse pass", "거친 해상도 탐색 없음"}},
        {"water_column_on", {"the water column searched", "수층 탐색"}},
        {"water_column_off", {"the water column not searched", "수층 탐색 안 함"}},
        {"list_number", {"No.", "번호"}},
        {"list_time", {"%1 (UTC)", "%1(UTC)"}},
        {"list_time_day", {"%1 (UTC, %2)", "%1(UTC, %2)"}},
        {"time", {"Time", "시각"}},
        {"list_range", {"Range (m)", "거리(m)"}},
        {"list_size", {"L × W × H (m)", "길이 × 폭 × 높이(m)"}},
        {"duration", {"Duration", "지속 시간"}},
        {"no_contacts", {"The project holds no contacts.", "프로젝트에 접촉물이 없습니다."}},
        {"new", {"new", "새 항목"}},
        {"confirmed", {"confirmed", "확인됨"}},
        {"rejected", {"rejected", "기각됨"}},
        {"cylinder", {"cylinder", "원통형"}},
        {"cone", {"cone", "원뿔형"}},
        {"sphere", {"sphere", "구형"}},
        {"rock", {"rock", "암석"}},
        {"debris", {"debris", "잔해"}},
        {"wreck", {"wreck", "난파선"}},
        {"unclassified", {"unclassified", "미분류"}},
        {"alert", {"Alert %1", "경보 %1"}},
        {"start", {"Start", "시작"}},
        {"end", {"End", "끝"}},
        {"peak", {"Peak", "최대"}},
        {"channels", {"Contributing channels", "기여 채널"}},
        {"model", {"Model", "모델"}},
        {"alert_caption",
         {"Alert %1: %2 (black) and the forecast of %3 (orange)%4; the alert shaded red; contributing channels "
          "below.",
          "경보 %1: %2(검정)와 %3의 예측(주황)%4. 경보 구간은 붉게 표시, 아래는 기여 채널."}},
        {"band", {" with the members' band (light blue)", ", 구성 모델 범위(연한 파랑)"}},
        {"timeline_caption",
         {"The whole record with every alert shown: each contributing channel in a lane, each alert shaded where "
          "it contributed and numbered as in the list over its peak (orange new, green confirmed, grey rejected).",
          "표시된 모든 경보를 전체 기록 위에: 기여 채널마다 한 줄, 각 경보는 기여한 구간에 음영, 최대 지점 위에 목록의 "
          "번호(주황 새 항목, 녹색 확인됨, 회색 기각됨)."}},
        {"no_forecast", {"no forecast: %1", "예측 없음: %1"}},
        {"alert_counts",
         {"%1 alerts: %2 confirmed, %3 new, %4 rejected.", "경보 %1개: 확인됨 %2, 새 항목 %3, 기각됨 %4."}},
        {"alerts_shown", {"Shown: the %1 highest scored%2.", "표시: 점수가 높은 %1개%2."}},
        {"alert_rules",
         {"Found by the analyst's alert rules: above a score of %1 (1 is the model's own threshold), closing below "
          "%2 × that, at least %3 rows long, merged across gaps of up to %4 rows.",
          "분석가가 정한 경보 규칙으로 찾음: 점수 %1 초과(1은 모델 자체 임계값), 그 %2배 미만에서 닫힘, 최소 %3행, "
          "%4행 이하 간격은 병합."}},
        {"no_alerts", {"The project holds no alerts.", "프로젝트에 경보가 없습니다."}},
        {"model_kind", {"Kind", "종류"}},
        {"trained_on", {"Training data", "학습 데이터"}},
        {"trained_device", {"Trained on", "학습 장치"}},
        {"split", {"Split (training/validation/test)", "분할(학습/검증/시험)"}},
        {"split_value", {"%1: validation from row %2%3, test from row %4%5", "%1: 검증 %2행부터%3, 시험 %4행부터%5"}},
        {"training_time", {"Training time", "학습 시간"}},
        {"trained_at", {"Trained (UTC)", "학습 일시(UTC)"}},
        {"features", {"Features → target", "입력 → 대상"}},
        {"active", {"active", "사용 중"}},
        {"metric", {"Metric", "지표"}},
        {"value", {"Value", "값"}},
        {"metric_validation_mse", {"Validation MSE (z-scored)", "검증 MSE(표준화)"}},
        {"metric_test_mse", {"Test MSE (z-scored)", "시험 MSE(표준화)"}},
        {"metric_validation_loss", {"Validation loss", "검증 손실"}},
        {"metric_best_epoch", {"Best epoch", "최적 에포크"}},
        {"metric_epochs", {"Epochs run", "학습한 에포크"}},
        {"metric_parameters", {"Parameters", "매개변수 수"}},
        {"loss_caption",
         {"%1: training (blue) and validation (orange) loss per epoch, on a logarithmic scale; the grey line marks the "
          "best epoch.",
          "%1: 에포크별 학습(파랑)·검증(주황) 손실(로그 눈금), 회색 선은 최적 에포크."}},
        {"no_models", {"The project has no trained models.", "프로젝트에 학습된 모델이 없습니다."}},
        {"no_device", {"No device details were given.", "장치 정보가 없습니다."}},
        {"no_notes", {"No notes.", "메모가 없습니다."}},
        {"missing", {"Not shown", "표시하지 못한 항목"}},
        {"active_device", {"Active device", "사용 중인 장치"}},
        {"libtorch", {"LibTorch", "LibTorch"}},
        {"cpu_detail", {"%1 cores, %2 threads, %3", "코어 %1개, 스레드 %2개, %3"}},
        {"gpu_detail", {"compute %1, %2 multiprocessors", "연산 능력 %1, 멀티프로세서 %2개"}},
        {"memory_detail", {"%1 GiB memory, %2 GiB free", "메모리 %1 GiB, 여유 %2 GiB"}},
    };
    return words;
}

} // namespace

std::string text(const std::string& key, Language language)
{
    const auto& words = catalogue();
    const auto it = words.find(key);
    if (it == words.end())
        return key;
    return language == Language::Korean ? it->second.ko : it->second.en;
}

Language parseLanguage(const std::string& name)
{
    if (name == "en" || name == "english")
        return Language::English;
    if (name == "ko" || name == "korean")
        return Language::Korean;
    throw Error("unknown report language '" + name + "': expected en or ko");
}

const std::vector<SectionKind>& allSections()
{
    static const std::vector<SectionKind> all{SectionKind::Summary, SectionKind::Contacts, SectionKind::Alerts,
                                              SectionKind::Models,  SectionKind::Device,   SectionKind::Notes};
    return all;
}

std::string sectionKey(SectionKind kind)
{
    switch (kind) {
    case SectionKind::Summary: return "summary";
    case SectionKind::Contacts: return "contacts";
    case SectionKind::Alerts: return "alerts";
    case SectionKind::Models: return "models";
    case SectionKind::Device: return "device";
    case SectionKind::Notes: return "notes";
    }
    return "summary";
}

std::vector<SectionKind> parseSections(const std::string& list)
{
    std::vector<SectionKind> sections;
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ',')) {
        const auto b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
        if (b == std::string::npos)
            continue;
        item = item.substr(b, e - b + 1);
        bool known = false;
        for (auto kind : allSections())
            if (sectionKey(kind) == item) {
                sections.push_back(kind);
                known = true;
            }
        if (!known)
            throw Error("unknown report section '" + item +
                        "': expected summary, contacts, alerts, models, device or notes");
    }
    if (sections.empty())
        throw Error("no report sections given");
    return sections;
}

} // namespace fathom::report
