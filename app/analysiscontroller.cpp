#include "analysiscontroller.h"

#include "alerttable.h"
#include "common/error.h"
#include "common/logging.h"
#include "logtext.h"
#include "ml/alertrun.h"
#include "ml/pipeline.h"
#include "remotetrainer.h"
#include "series/csvloader.h"
#include "seriesplot.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMenu>
#include <QProgressBar>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace fathom {

namespace {

// Reviews carry over to a new run's alert at the same place (a retrain, another model).
const AnalysisController::ReviewedAlert* reviewedNear(const QVector<AnalysisController::ReviewedAlert>& old,
                                                      const AnalysisController::ReviewedAlert& fresh)
{
    for (const auto& a : old)
        if ((a.status != QLatin1String("new") || !a.note.isEmpty()) && a.startRow <= fresh.endRow &&
            fresh.startRow <= a.endRow)
            return &a;
    return nullptr;
}

// The x of every row that has a forecast (from the first full window on): its time, or its
// number in data without time; and a per-row line over the same rows.
QVector<double> forecastX(const ml::AlertRun& r)
{
    QVector<double> x;
    for (std::size_t row = r.lookback; row < r.forecast.size(); ++row)
        x.append(r.time.empty() ? double(row) : r.time[row]);
    return x;
}

QVector<double> forecastRows(const ml::AlertRun& r, const std::vector<float>& perRow)
{
    QVector<double> line;
    for (std::size_t row = r.lookback; row < perRow.size(); ++row)
        line.append(double(perRow[row]));
    return line;
}

double metricOf(const ml::ModelCard& card, const char* key)
{
    const auto it = card.metrics.find(key);
    return it == card.metrics.end() ? qQNaN() : it->second;
}

} // namespace

AnalysisController::AnalysisController(SeriesPlot* plot, AlertTable* alerts, TrainingPanel* training, QObject* parent)
    : QObject(parent)
    , m_plot(plot)
    , m_table(alerts)
    , m_panel(training)
{
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("analysis"));
    m_thread.start();

    connect(m_table, &AlertTable::alertActivated, this, [this](int i) {
        m_plot->setCurrentAlert(i);
        m_table->setDetails(details(i));
        emit momentChosen(m_alerts[i].peak);
    });
    connect(m_panel, &TrainingPanel::compareRequested, this, &AnalysisController::compare);
    connect(m_plot, &SeriesPlot::markRequested, this, &AnalysisController::markAnomaly);
    connect(m_plot, &SeriesPlot::alertClicked, this, [this](int i) { m_table->setCurrentAlert(i); });
    connect(m_plot, &SeriesPlot::momentClicked, this, &AnalysisController::momentChosen);
    connect(m_plot, &SeriesPlot::contextMenuAbout, this, &AnalysisController::addReviewActions);
    connect(m_table, &AlertTable::reviewRequested, this, &AnalysisController::review);
    connect(m_table, &AlertTable::noteRequested, this, &AnalysisController::setNote);
    connect(m_table, &AlertTable::removeRequested, this, &AnalysisController::remove);
    connect(m_panel, &TrainingPanel::startRequested, this, &AnalysisController::train);
    connect(m_panel, &TrainingPanel::retrainRequested, this, &AnalysisController::retrain);
    connect(m_panel, &TrainingPanel::pauseToggled, this, &AnalysisController::setPaused);
    connect(m_panel, &TrainingPanel::cancelRequested, this, &AnalysisController::cancel);
    connect(m_panel, &TrainingPanel::activeModelRequested, this,
            [this](const QString& folder) { setActiveModel(folder); });
}

AnalysisController::~AnalysisController()
{
    m_stop = true;
    m_pause = false;
    m_thread.quit();
    m_thread.wait();
}

void AnalysisController::run(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_worker, std::move(job), Qt::QueuedConnection);
}

void AnalysisController::post(std::function<void()> update)
{
    QMetaObject::invokeMethod(this, std::move(update), Qt::QueuedConnection);
}

void AnalysisController::openSeries(const QString& path)
{
    emit message(tr("Loading %1…").arg(path));
    run([this, path] {
        try {
            series::LoadReport report;
            const auto s = series::loadCsv(path.toStdString(), {}, report);
            QVector<double> x(qsizetype(s.rows));
            for (std::size_t r = 0; r < s.rows; ++r)
                x[qsizetype(r)] = s.time.empty() ? double(r) : s.time[r];
            QStringList names;
            QVector<QVector<double>> columns;
            for (std::size_t c = 0; c < s.channels.size(); ++c) {
                names << QString::fromStdString(s.channels[c]);
                const auto column = s.column(c);
                columns.append(QVector<double>(column.begin(), column.end()));
            }
            const bool isTime = !s.time.empty();
            const auto filled = qint64(report.filledCells);
            const auto perChannel = report.missingText();
            const bool decimalComma = report.decimalComma;
            const auto backwards = series::firstRowOutOfTimeOrder(s);
            post([this, path, x, isTime, names, columns, filled, perChannel, decimalComma, backwards] {
                m_seriesPath = path;
                m_isTime = isTime;
                m_plot->setSeries(x, isTime, names, columns);
                m_panel->setChannels(names);
                // The Data field follows the series opened, unless it lists it among others
                // (several files chosen to train on as one data set).
                auto settings = m_panel->settings();
                const auto files = settings.dataFiles();
                if (std::none_of(files.begin(), files.end(),
                                 [&](const QString& file) { return QFileInfo(file) == QFileInfo(path); }))
                    settings.data = path;
                m_panel->setSettings(settings);
                if (filled > 0)
                    logtext::warn(QT_TRANSLATE_NOOP("Log", "%1: %2 missing cells filled with the last value before "
                                                           "them (%3)"),
                                  {path, QString::number(filled), QString::fromStdString(perChannel)});
                if (backwards > 0)
                    logtext::warn(QT_TRANSLATE_NOOP("Log", "%1: data row %2 is earlier than the row before it; the "
                                                           "plot and the splits follow the rows"),
                                  {path, QString::number(backwards + 1)});
                if (decimalComma)
                    logtext::info(QT_TRANSLATE_NOOP("Log", "%1: numbers read with a decimal comma (12,5 as 12.5)"),
                                  {path});
                emit seriesOpened(path, x.size());
                if (!m_activeModel.isEmpty())
                    setActiveModel(m_activeModel, m_replaceAlerts);
            });
        } catch (const std::exception& e) {
            const auto text = QString::fromStdString(e.what());
            post([this, text] { emit failed(text); });
        }
    });
}

void AnalysisController::setModelsFolder(const QString& folder)
{
    m_modelsFolder = folder;
    refreshRegistry();
}

void AnalysisController::refreshRegistry()
{
    QVector<TrainingPanel::Entry> entries;
    const QDir dir(m_modelsFolder);
    QStringList names;
    for (const auto& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        names << name;
        if (name.startsWith(QLatin1String("retrained-")))
            for (const auto& inner : QDir(dir.filePath(name)).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                names << name + QLatin1Char('/') + inner;
    }
    for (const auto& name : names) {
        const auto folder = dir.filePath(name);
        if (!QFileInfo::exists(folder + QStringLiteral("/weights.pt")))
            continue;
        try {
            const auto card = ml::readModelCard(folder.toStdString());
            entries.append({name, folder, QString::fromStdString(card.device), metricOf(card, "validation_mse"),
                            metricOf(card, "test_mse"), card.seconds, int(metricOf(card, "epochs"))});
        } catch (const Error& e) {
            logging::warn(e.what());
        }
    }
    m_panel->setEntries(entries, m_activeModel);
}

void AnalysisController::train(const TrainingPanel::Settings& settings)
{
    if (m_training)
        return;
    if (m_modelsFolder.isEmpty()) {
        emit failed(tr("No folder for trained models: open or save a project first."));
        return;
    }
    ml::TrainJob job;
    for (const auto& file : settings.dataFiles())
        job.data.push_back(file.toStdString());
    job.target = settings.target.toStdString();
    job.labels = settings.labels.toStdString();
    for (const auto& name : settings.skip)
        job.skip.push_back(name.toStdString());
    job.models.clear();
    try {
        for (const auto& name : settings.models)
            job.models.push_back(ml::parseKind(name.toStdString()));
    } catch (const Error& e) {
        emit failed(QString::fromStdString(e.what()));
        return;
    }
    job.lookback = settings.lookback;
    job.shape = ml::withSizes(job.shape, settings.sizes);
    try {
        job.split = series::SplitSpec::parse(settings.split.toStdString());
    } catch (const Error& e) {
        emit failed(QString::fromStdString(e.what()));
        return;
    }
    job.options.epochs = settings.epochs;
    job.options.batchSize = settings.batch;
    job.options.loaderWorkers = m_workers;
    job.options.accumulation = std::max(1, settings.accumulate);
    job.options.learningRate = settings.learningRate;
    job.options.patience = std::max(3, settings.epochs / 3);
    job.out = m_modelsFolder.toStdString();
    job.device = m_device.toStdString();
    job.options.precision = m_precision.toStdString();
    m_skip = settings.skip;
    QStringList order;
    for (auto kind : ml::membersFirst(job.models))
        order << QString::fromStdString(ml::kindName(kind));
    if (!settings.remoteHost.isEmpty())
        return trainRemotely(settings, order);
    startJob(job, order);
}

void AnalysisController::retrain(const TrainingPanel::Settings& settings)
{
    if (m_training)
        return;
    if (m_activeModel.isEmpty() || m_seriesPath.isEmpty()) {
        emit failed(tr("Retraining needs an active model and an open series."));
        return;
    }
    ml::TrainJob job;
    job.from = m_activeModel.toStdString();
    job.data = {m_seriesPath.toStdString()};
    job.labels = settings.labels.toStdString();
    for (const auto& name : settings.skip)
        job.skip.push_back(name.toStdString());
    // The review is the lesson: confirmed alerts are anomalies, rejected ones normal rows.
    int confirmed = 0, rejected = 0;
    for (const auto& a : m_alerts) {
        if (a.status == QLatin1String("new"))
            continue;
        const bool yes = a.status == QLatin1String("confirmed");
        (yes ? confirmed : rejected)++;
        job.reviewed.push_back({std::size_t(a.startRow), std::size_t(a.endRow), yes ? 1.0f : 0.0f});
    }
    job.options.epochs = settings.epochs;
    job.options.batchSize = settings.batch;
    job.options.loaderWorkers = m_workers;
    job.options.accumulation = std::max(1, settings.accumulate);
    job.options.learningRate = settings.learningRate / 3; // fine-tuning: smaller steps
    try {
        job.split = series::SplitSpec::parse(settings.split.toStdString());
    } catch (const Error& e) {
        emit failed(QString::fromStdString(e.what()));
        return;
    }
    job.device = m_device.toStdString();
    job.options.precision = m_precision.toStdString();
    job.options.patience = std::max(3, settings.epochs / 3);
    const auto stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    job.out = QDir(m_modelsFolder).filePath(QStringLiteral("retrained-%1").arg(stamp)).toStdString();
    const auto kind = QFileInfo(m_activeModel).fileName();
    logtext::info(QT_TRANSLATE_NOOP("Log", "Retraining %1 with confirmed alerts: %2, rejected: %3"),
                  {m_activeModel, QString::number(confirmed), QString::number(rejected)});
    startJob(job, {kind});
}

void AnalysisController::beginTraining(const QString& what, const QString& data)
{
    m_training = true;
    m_stop = false;
    m_pause = false;
    m_panel->setRunning(true);
    m_panel->clearCurves();
    m_panel->setStatus(tr("Starting…"));
    m_panel->appendLog(tr("Training %1 on %2").arg(what, data));
    emit trainingStarted();
    logtext::info(QT_TRANSLATE_NOOP("Log", "Training %1 on %2"), {what, data});
}

void AnalysisController::showTrainingProgress(const TrainingPanel::Progress& shown, bool epochDone)
{
    m_panel->showProgress(shown);
    if (!epochDone)
        return;
    m_panel->addEpoch(shown.model, shown.epoch, shown.loss, shown.validationLoss);
    m_panel->appendLog(tr("%1 epoch %2/%3: training loss %4, validation loss %5, %6 samples/s")
                           .arg(shown.model)
                           .arg(shown.epoch)
                           .arg(shown.epochs)
                           .arg(shown.loss, 0, 'g', 4)
                           .arg(shown.validationLoss, 0, 'g', 4)
                           .arg(shown.samplesPerSecond, 0, 'f', 0));
}

void AnalysisController::startJob(const ml::TrainJob& job, const QStringList& order)
{
    QStringList files;
    for (const auto& file : job.data)
        files << QString::fromStdString(file.string());
    beginTraining(order.join(QStringLiteral(", ")), TrainingPanel::joinDataFiles(files));
    run([this, job, order] {
        QElapsedTimer sincePost;
        sincePost.start();
        QString failure;
        ml::TrainJobResult result;
        try {
            result = ml::runTrainJob(
                job,
                [&](const std::string& model, const ml::TrainProgress& p) {
                    if (!p.epochDone && sincePost.elapsed() < 100)
                        return;
                    sincePost.restart();
                    const auto name = QString::fromStdString(model);
                    const TrainingPanel::Progress shown{name,
                                                        int(order.indexOf(name)),
                                                        int(order.size()),
                                                        p.epoch,
                                                        p.epochs,
                                                        qint64(p.step),
                                                        qint64(p.steps),
                                                        p.trainLoss,
                                                        p.validationLoss,
                                                        p.samplesPerSecond,
                                                        p.etaSeconds};
                    const bool epochDone = p.epochDone;
                    post([this, shown, epochDone] { showTrainingProgress(shown, epochDone); });
                },
                &m_stop, &m_pause);
        } catch (const std::exception& e) {
            failure = QString::fromStdString(e.what());
        }
        QStringList done;
        for (const auto& m : result.models)
            if (!m.cancelled)
                done << QString::fromStdString(m.folder.string());
        const bool cancelled = m_stop.load();
        post([this, failure, done, cancelled] { finishTraining(failure, done, cancelled); });
    });
}

void AnalysisController::finishTraining(const QString& failure, const QStringList& done, bool cancelled)
{
    m_training = false;
    m_panel->setRunning(false);
    if (failure.isEmpty() && !cancelled)
        m_panel->progressBar()->setValue(m_panel->progressBar()->maximum()); // early stops included
    refreshRegistry();
    m_panel->appendLog(failure.isEmpty() ? tr("Done: %1").arg(done.join(QStringLiteral(", ")))
                                         : tr("Stopped: %1").arg(failure));
    if (!failure.isEmpty()) {
        m_panel->setStatus(tr("Training stopped: %1").arg(failure));
        emit failed(failure);
    } else {
        m_panel->setStatus(cancelled ? tr("Cancelled: %n model(s) finished and kept", nullptr, int(done.size()))
                                     : tr("Finished: %n model(s) trained", nullptr, int(done.size())));
    }
    // Its alerts go on the plot: the ensemble, else the spike detector (both have a spike
    // head beside the forecast), else the last model trained.
    QString active = done.isEmpty() ? QString() : done.last();
    for (const char* preferred : {"/spike", "/ensemble"})
        for (const auto& folder : done)
            if (folder.endsWith(QLatin1String(preferred)))
                active = folder;
    logtext::info(QT_TRANSLATE_NOOP("Log", "Active model: %1"), {active});
    if (!active.isEmpty())
        setActiveModel(active);
    emit trainingFinished(cancelled || !failure.isEmpty());
}

void AnalysisController::setTrainingDevice(const QString& device, const QString& precision, int workers)
{
    m_device = device;
    m_precision = precision;
    m_workers = workers;
    if (!ml::canRunOn(device.toStdString())) {
        logtext::warn(
            QT_TRANSLATE_NOOP("Log", "The series models cannot run on %1 in this build: they train on the cpu"),
            {device});
        m_device = QStringLiteral("cpu");
        m_precision = QStringLiteral("fp32");
    }
}

void AnalysisController::setPaused(bool paused)
{
    if (isTrainingRemotely())
        return m_remote->setPaused(paused);
    m_pause = paused;
    if (m_training)
        m_panel->setStatus(paused ? tr("Paused") : tr("Resumed"));
}

void AnalysisController::cancel()
{
    if (isTrainingRemotely())
        return m_remote->cancel();
    m_stop = true;
    m_pause = false;
}

void AnalysisController::setActiveModel(const QString& folder, bool replaceAlerts)
{
    m_activeModel = folder;
    m_replaceAlerts = replaceAlerts;
    m_scores.reset(); // until this run brings the model's
    refreshRegistry();
    if (m_seriesPath.isEmpty() || folder.isEmpty())
        return;
    const auto generation = ++m_detectGeneration;
    const auto series = m_seriesPath;
    const auto modelName = labelOf(folder);
    emit message(tr("Running %1 over the series…").arg(modelName));
    m_replaceAlerts = true; // once drawn, a model chosen again brings its own alerts
    run([this, folder, series, generation, modelName, replaceAlerts, rules = m_alertRules] {
        try {
            const auto r = ml::detectAlerts(folder.toStdString(), {series.toStdString()}, {}, {}, rules);
            const auto xOf = [&](std::size_t row) { return r.time.empty() ? double(row) : r.time[row]; };
            const auto x = forecastX(r), forecast = forecastRows(r, r.forecast);
            QVector<ReviewedAlert> alerts;
            for (const auto& a : r.alerts) {
                QStringList channels;
                for (auto k : a.channels)
                    channels << QString::fromStdString(r.channels[k]);
                ReviewedAlert alert;
                alert.start = xOf(a.start);
                alert.end = xOf(a.end);
                alert.peak = xOf(a.peak);
                alert.startRow = qint64(a.start);
                alert.endRow = qint64(a.end);
                alert.peakRow = qint64(a.peak);
                alert.score = a.score;
                alert.channels = channels.join(QStringLiteral(", "));
                alert.model = modelName;
                alerts.append(alert);
            }
            const auto target = QString::fromStdString(r.target);
            // An ensemble's members, each a line to show on demand, and their spread as its band.
            QStringList memberNames;
            QVector<QVector<double>> memberLines;
            QVector<double> lower, upper;
            for (std::size_t m = 0; m < r.memberNames.size(); ++m) {
                memberNames << QString::fromStdString(r.memberNames[m]);
                memberLines.append(forecastRows(r, r.memberForecasts[m]));
            }
            for (int i = 0; !memberLines.isEmpty() && i < x.size(); ++i) {
                double lo = memberLines[0][i], hi = lo;
                for (const auto& line : memberLines) {
                    lo = std::min(lo, line[i]);
                    hi = std::max(hi, line[i]);
                }
                lower.append(lo);
                upper.append(hi);
            }
            const double validationFrom = r.validationFrom, testFrom = r.testFrom;
            auto scores = std::make_shared<const std::vector<float>>(r.score);
            post([this, generation, x, forecast, alerts, target, modelName, replaceAlerts, memberNames, memberLines,
                  lower, upper, validationFrom, testFrom, scores] {
                if (generation != m_detectGeneration)
                    return; // a newer request is on its way
                m_scores = scores;
                m_target = target;
                m_plot->setParts(validationFrom, testFrom);
                // One redraw for the lot: the members and band wait for the model's own line.
                for (int m = 0; m < memberNames.size(); ++m)
                    m_plot->setForecast(modelName + QStringLiteral(" · ") + memberNames[m], target, x, memberLines[m],
                                        false, false);
                if (!lower.isEmpty())
                    m_plot->setBand(modelName, target, x, lower, upper, false);
                m_plot->setForecast(modelName, target, x, forecast);
                if (!replaceAlerts) {
                    showAlerts(); // the plot was rebuilt: the project's alerts go back on it
                    return;
                }
                QVector<ReviewedAlert> merged = alerts;
                QSet<const ReviewedAlert*> carried;
                for (auto& a : merged)
                    if (const auto* old = reviewedNear(m_alerts, a)) {
                        a.status = old->status;
                        a.note = old->note;
                        carried.insert(old);
                    }
                // The analyst's own marks, and reviews no alert found now carries on, outlive any
                // model and any rule: what was confirmed, rejected or noted is never lost.
                for (const auto& a : m_alerts)
                    if (a.model == QLatin1String("analyst") ||
                        (!carried.contains(&a) && (a.status != QLatin1String("new") || !a.note.isEmpty())))
                        merged.append(a);
                std::sort(merged.begin(), merged.end(),
                          [](const ReviewedAlert& a, const ReviewedAlert& b) { return a.start < b.start; });
                m_undo.clear(); // the reviews now point at other alerts
                m_alerts = merged;
                showAlerts();
                emit alertsDetected(int(merged.size()));
                emit message(tr("%1: %n alert(s)", nullptr, int(merged.size())).arg(modelName));
            });
        } catch (const std::exception& e) {
            const auto text = QString::fromStdString(e.what());
            post([this, text] { emit failed(text); });
        }
    });
}

QString AnalysisController::labelOf(const QString& folder) const
{
    const auto relative = QDir(m_modelsFolder).relativeFilePath(folder);
    return relative.startsWith(QLatin1String("..")) ? QFileInfo(folder).fileName() : relative;
}

void AnalysisController::compare(const QString& first, const QString& second)
{
    if (m_seriesPath.isEmpty())
        return;
    const auto series = m_seriesPath;
    const QStringList labels = {labelOf(first), labelOf(second)};
    emit message(tr("Comparing %1 and %2…").arg(labels[0], labels[1]));
    run([this, first, second, series, labels, rules = m_alertRules] {
        try {
            QVector<QStringList> rows = {{tr("validation MSE")},       {tr("test MSE")},          {tr("epochs")},
                                         {tr("parameters")},           {tr("training time (s)")}, {tr("device")},
                                         {tr("alerts on this series")}};
            QVector<QPair<QVector<double>, QVector<double>>> lines;
            QString target;
            for (const auto& folder : {first, second}) {
                const auto card = ml::readModelCard(folder.toStdString());
                const auto metric = [&](const char* key) {
                    const double v = metricOf(card, key);
                    return std::isnan(v) ? QStringLiteral("—") : QString::number(v, 'g', 5);
                };
                const auto r = ml::detectAlerts(folder.toStdString(), {series.toStdString()}, {}, {}, rules);
                rows[0] << metric("validation_mse");
                rows[1] << metric("test_mse");
                rows[2] << metric("epochs");
                rows[3] << metric("parameters");
                rows[4] << QString::number(card.seconds, 'f', 1);
                rows[5] << QString::fromStdString(card.device);
                rows[6] << QString::number(r.alerts.size());
                lines.append({forecastX(r), forecastRows(r, r.forecast)});
                target = QString::fromStdString(r.target);
            }
            post([this, labels, rows, lines, target] {
                m_plot->setForecast(labels[0], target, lines[0].first, lines[0].second, true, false);
                m_plot->setForecast(labels[1], target, lines[1].first, lines[1].second);
                showAlerts(); // the plot was rebuilt
                emit comparisonReady(labels, rows);
            });
        } catch (const std::exception& e) {
            const auto text = QString::fromStdString(e.what());
            post([this, text] { emit failed(text); });
        }
    });
}

} // namespace fathom
