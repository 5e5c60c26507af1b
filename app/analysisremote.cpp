// The Training dock's "Run on: a remote host": the same progress, curves and registry as a run on
// this machine, with the work done by fathom-cli on a host reached over SSH (RemoteTrainer).
#include "analysiscontroller.h"
#include "common/logging.h"
#include "remotetrainer.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace fathom {

bool AnalysisController::isTrainingRemotely() const
{
    return m_remote && m_remote->isRunning();
}

namespace {

const QString kRun = QStringLiteral("training/remoteRun/");

void forgetRun()
{
    QSettings().remove(QStringLiteral("training/remoteRun"));
}

} // namespace

void AnalysisController::ensureRemote()
{
    if (!m_remote) {
        m_remote = new RemoteTrainer(this);
        connect(m_remote, &RemoteTrainer::progressed, this, &AnalysisController::showTrainingProgress);
        connect(m_remote, &RemoteTrainer::memory, m_panel, &TrainingPanel::setDeviceMemory);
        connect(m_remote, &RemoteTrainer::status, this, [this](const QString& text) {
            m_panel->setStatus(text);
            m_panel->appendLog(text);
        });
        connect(m_remote, &RemoteTrainer::finished, this, [this](const QStringList& folders) {
            forgetRun();
            finishTraining({}, folders, false);
        });
        connect(m_remote, &RemoteTrainer::failed, this, [this](const QString& message) {
            forgetRun();
            finishTraining(message, {}, false);
        });
        connect(m_remote, &RemoteTrainer::cancelled, this, [this] {
            forgetRun();
            finishTraining({}, {}, true);
        });
        // Remembered while it runs, so the next start of Fathom follows it again.
        connect(m_remote, &RemoteTrainer::running, this, [](const RemoteRun& run) {
            QSettings s;
            s.setValue(kRun + QStringLiteral("host"), run.target.host);
            s.setValue(kRun + QStringLiteral("cli"), run.target.fathomCli);
            s.setValue(kRun + QStringLiteral("sshConfig"), run.target.sshConfig);
            s.setValue(kRun + QStringLiteral("folder"), run.folder);
            s.setValue(kRun + QStringLiteral("pid"), run.pid);
            s.setValue(kRun + QStringLiteral("models"), run.localModels);
        });
    }
}

bool AnalysisController::resumeRemoteRun()
{
    QSettings s;
    const auto folder = s.value(kRun + QStringLiteral("folder")).toString();
    if (m_training || folder.isEmpty())
        return false;
    RemoteRun run;
    run.target.host = s.value(kRun + QStringLiteral("host")).toString();
    run.target.fathomCli = s.value(kRun + QStringLiteral("cli")).toString();
    run.target.sshConfig = s.value(kRun + QStringLiteral("sshConfig")).toString();
    run.folder = folder;
    run.pid = s.value(kRun + QStringLiteral("pid")).toLongLong();
    run.localModels = s.value(kRun + QStringLiteral("models")).toString();
    ensureRemote();
    beginTraining(tr("the run on %1 started before Fathom closed").arg(run.target.host), run.folder);
    m_remote->attach(run);
    return true;
}

void AnalysisController::trainRemotely(const TrainingPanel::Settings& settings, const QStringList& order)
{
    ensureRemote();
    // The same options a run here gets, as `fathom-cli ts train` takes them.
    QStringList args{QStringLiteral("--target"),   settings.target,
                     QStringLiteral("--models"),   order.join(QLatin1Char(',')),
                     QStringLiteral("--lookback"), QString::number(settings.lookback),
                     QStringLiteral("--epochs"),   QString::number(settings.epochs),
                     QStringLiteral("--batch"),    QString::number(settings.batch),
                     QStringLiteral("--lr"),       QString::number(settings.learningRate, 'g', 6),
                     QStringLiteral("--patience"), QString::number(std::max(3, settings.epochs / 3))};
    const auto& z = settings.sizes;
    args << QStringLiteral("--dropout") << QString::number(double(z.dropout), 'g', 6);
    if (order.contains(QStringLiteral("patchtst")))
        args << QStringLiteral("--width") << QString::number(z.width) << QStringLiteral("--heads")
             << QString::number(z.heads) << QStringLiteral("--layers") << QString::number(z.layers)
             << QStringLiteral("--ff") << QString::number(z.feedForward) << QStringLiteral("--patch-length")
             << QString::number(z.patchLength) << QStringLiteral("--patch-stride") << QString::number(z.patchStride)
             << QStringLiteral("--revin-affine") << QString::number(z.revinAffine ? 1 : 0);
    if (settings.accumulate > 1)
        args << QStringLiteral("--accumulate") << QString::number(settings.accumulate);
    if (!settings.split.isEmpty())
        args << QStringLiteral("--split") << settings.split;
    if (!settings.labels.isEmpty())
        args << QStringLiteral("--labels") << settings.labels;
    if (!settings.skip.isEmpty())
        args << QStringLiteral("--skip") << settings.skip.join(QLatin1Char(','));
    RemoteTarget target;
    target.host = settings.remoteHost;
    target.fathomCli = settings.remoteCli;
    beginTraining(tr("%1 on %2").arg(order.join(QStringLiteral(", ")), settings.remoteHost), settings.data);
    m_remote->start(target, settings.dataFiles(), args, m_modelsFolder);
}

} // namespace fathom
