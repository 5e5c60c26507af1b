#include "contactscontroller.h"

#include "common/error.h"
#include "common/logging.h"
#include "common/timeformat.h"
#include "contacttable.h"
#include "lambdacommand.h"
#include "logtext.h"
#include "ml/cnndetector.h"
#include "project/contacts.h"
#include "sonar/detector.h"
#include "sonar/sonarfile.h"
#include "waterfallview.h"

#include <QMenu>
#include <QTableView>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace fathom {

ContactsController::ContactsController(ContactTable* table, WaterfallView* waterfall, QUndoStack* undo, QObject* parent)
    : QObject(parent)
    , m_table(table)
    , m_waterfall(waterfall)
    , m_undo(undo)
{
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    connect(m_table, &ReviewTable::activated, this, [this](int i) {
        const auto& c = m_contacts[std::size_t(i)];
        const qint64 first = m_waterfall->firstPing(), shown = m_waterfall->visiblePings();
        if (c.firstPing < first || c.lastPing >= first + shown) // in view already: the view stays
            m_waterfall->goToPing(std::max<qint64>(0, c.ping - std::min<qint64>(100, shown / 4)));
        m_table->setDetails(details(i));
        show();
    });
    connect(m_waterfall, &WaterfallView::markClicked, this, [this](int mark) {
        if (mark >= 0 && mark < m_markContact.size())
            m_table->setCurrentIndex(m_markContact[mark]);
    });
    connect(m_waterfall, &WaterfallView::contextMenuAbout, this, [this](QMenu* menu, int mark, double, int, double) {
        if (mark >= 0 && mark < m_markContact.size())
            addReviewActions(menu, m_markContact[mark]);
    });
    // Reviewing while looking at the waterfall: J/K, C/X/U, 0–6 and Delete go to the list.
    connect(m_waterfall, &WaterfallView::keyUnused, m_table, &ContactTable::reviewKey);
    connect(m_table, &ReviewTable::reviewRequested, this, &ContactsController::review);
    connect(m_table, &ReviewTable::noteRequested, this, &ContactsController::setNote);
    connect(m_table, &ContactTable::classRequested, this, &ContactsController::setClass);
    connect(m_table, &ReviewTable::removeRequested, this, &ContactsController::remove);
}

ContactsController::~ContactsController()
{
    m_stop = true;
    m_thread.quit();
    m_thread.wait();
}

void ContactsController::setContacts(const std::vector<project::ContactRecord>& contacts)
{
    ++m_generation;
    if (m_detecting || m_retraining)
        m_stop = true;
    m_contacts = contacts;
    show();
}

void ContactsController::show()
{
    QVector<ContactTable::Row> rows;
    QVector<WaterfallView::Mark> marks;
    m_markContact.clear();
    const int current = m_table->currentIndex();
    for (std::size_t i = 0; i < m_contacts.size(); ++i) {
        const auto& c = m_contacts[i];
        // The CNN's own score where it proposed the box, else what it made of the box when shown it.
        const auto cnn = c.detectorScores.find("cnn");
        rows.append({qint64(c.ping), c.side ? tr("starboard") : tr("port"),
                     QString::fromStdString(formatUtc(c.time, TimeStyle::Readable)),
                     QStringLiteral("%1, %2").arg(c.y, 0, 'f', 6).arg(c.x, 0, 'f', 6),
                     c.inWaterColumn() && c.groundRange <= 0 ? -1.0 : c.groundRange, c.length, c.width, c.height,
                     c.score, QString::fromStdString(c.cls), QString::fromStdString(c.detector),
                     cnn != c.detectorScores.end() ? cnn->second
                     : c.cnnClass.empty()          ? -1.0
                                                   : c.cnnObjectness,
                     QString::fromStdString(c.status), QString::fromStdString(c.note)});
        const QColor colour = c.status == "confirmed"  ? QColor(255, 60, 60)
                              : c.status == "rejected" ? QColor(150, 150, 150)
                                                       : QColor(255, 220, 0);
        bool drawn = c.detectorScores.empty() ? !m_hidden.contains(QString::fromStdString(c.detector)) : false;
        for (const auto& [name, score] : c.detectorScores)
            drawn = drawn || !m_hidden.contains(QString::fromStdString(name));
        if (!drawn)
            continue;
        m_markContact.append(int(i));
        QString label = !c.cls.empty()            ? ContactTable::className(QString::fromStdString(c.cls))
                        : c.detector == "analyst" ? tr("marked") // its score says nothing: the analyst drew it
                                                  : QString::number(c.score, 'f', 2);
        // Floating: on the ground-range view its box stands over the seabed below it, which shows
        // nothing there.
        if (c.inWaterColumn())
            label += tr(" · water column");
        marks.append({qint64(c.firstPing), qint64(c.lastPing), c.side, c.nearSlant, c.farSlant, c.nearGround,
                      c.farGround, colour, label, int(i) == current, c.detector == "analyst"});
    }
    m_table->setContacts(rows);
    m_waterfall->setMarks(marks);
    if (current >= 0 && current < rows.size())
        m_table->setCurrentIndex(current);
}

void ContactsController::change(int index, const project::ContactRecord& after, const QString& text)
{
    if (index < 0 || std::size_t(index) >= m_contacts.size())
        return;
    const auto before = m_contacts[std::size_t(index)];
    const auto apply = [this, index](const project::ContactRecord& c) {
        if (std::size_t(index) >= m_contacts.size())
            return;
        m_contacts[std::size_t(index)] = c;
        showChanged(index);
    };
    m_undo->push(new LambdaCommand(
        text, [apply, after] { apply(after); }, [apply, before] { apply(before); }));
}

void ContactsController::showChanged(int chosen)
{
    show();
    if (chosen >= 0 && std::size_t(chosen) < m_contacts.size()) {
        m_table->setCurrentIndex(chosen);
        m_table->setDetails(details(chosen));
    } else {
        m_table->setDetails({});
    }
    emit changed();
}

void ContactsController::setDetectorShown(const QString& detector, bool shown)
{
    if (shown)
        m_hidden.remove(detector);
    else
        m_hidden.insert(detector);
    show();
}

void ContactsController::review(int index, const QString& status)
{
    if (index < 0 || std::size_t(index) >= m_contacts.size())
        return;
    auto c = m_contacts[std::size_t(index)];
    c.status = status.toStdString();
    change(index, c, reviewText(status));
    m_table->moveCurrent(1);
}

void ContactsController::remove(int index)
{
    if (index < 0 || std::size_t(index) >= m_contacts.size())
        return;
    const auto contact = m_contacts[std::size_t(index)];
    if (contact.detector != "analyst") {
        emit message(tr("The contact at ping %1 was proposed by a detector: reject it (X) instead, or a new "
                        "detection would propose it again.")
                         .arg(contact.ping));
        return;
    }
    m_undo->push(new LambdaCommand(
        tr("Delete contact"),
        [this, index] {
            m_contacts.erase(m_contacts.begin() + index);
            showChanged(std::min(index, int(m_contacts.size()) - 1));
        },
        [this, index, contact] {
            m_contacts.insert(m_contacts.begin() + index, contact);
            showChanged(index);
        }));
}

bool ContactsController::measuredOn(const project::ContactRecord& c) const
{
    // From the object's far edge: within its box along the track (a few pings' slack) and across
    // it from its near edge to a few metres past its box (the box may end where the shadow starts).
    return m_measured.ping >= 0 && m_measured.side == c.side && m_measured.ping >= double(c.firstPing) - 5 &&
           m_measured.ping <= double(c.lastPing) + 5 && m_measured.groundRange >= c.nearGround - 1 &&
           m_measured.groundRange <= c.farGround + 3;
}

int ContactsController::setMeasuredHeight(double ping, int side, double groundRange, double height)
{
    m_measured = {ping, groundRange, height, side};
    for (std::size_t i = 0; i < m_contacts.size(); ++i)
        if (measuredOn(m_contacts[i]))
            return int(i);
    return -1;
}

QString ContactsController::reviewText(const QString& status)
{
    return status == QLatin1String("confirmed")  ? tr("Confirm contact")
           : status == QLatin1String("rejected") ? tr("Reject contact")
                                                 : tr("Contact back to new");
}

void ContactsController::addReviewActions(QMenu* menu, int index)
{
    if (index < 0 || std::size_t(index) >= m_contacts.size())
        return;
    m_table->setCurrentIndex(index); // the dock shows what the menu acts on
    m_table->addReviewActions(
        menu, index, QStringLiteral("Contact"),
        [this, index](const QString& status) {
            if (std::size_t(index) >= m_contacts.size())
                return;
            auto c = m_contacts[std::size_t(index)];
            c.status = status.toStdString();
            change(index, c, reviewText(status));
        },
        tr("Note on the contact at ping %1:").arg(m_contacts[std::size_t(index)].ping));
    if (measuredOn(m_contacts[std::size_t(index)])) {
        const double height = m_measured.height;
        auto* action =
            menu->addAction(tr("Set Height to %1 m (as measured)").arg(height, 0, 'f', 2), this, [this, index, height] {
                if (std::size_t(index) >= m_contacts.size())
                    return;
                auto c = m_contacts[std::size_t(index)];
                c.height = height;
                change(index, c, tr("Set contact height"));
            });
        action->setObjectName(QStringLiteral("setMeasuredHeight"));
    }
    if (m_contacts[std::size_t(index)].detector == "analyst") {
        auto* action = menu->addAction(tr("Delete Contact"), this, [this, index] { remove(index); });
        action->setObjectName(QStringLiteral("deleteContact"));
        action->setShortcut(QKeySequence(QKeySequence::Delete));
    }
    auto* classes = menu->addMenu(tr("Class"));
    classes->setObjectName(QStringLiteral("contactClassMenu"));
    const auto current = QString::fromStdString(m_contacts[std::size_t(index)].cls);
    const auto keys = ContactTable::classes();
    for (int k = 0; k <= keys.size(); ++k) {
        const auto cls = k < keys.size() ? keys[k] : QString();
        auto* action = classes->addAction(cls.isEmpty() ? tr("No class") : ContactTable::className(cls), this,
                                          [this, index, cls] { setClass(index, cls); });
        action->setObjectName(QStringLiteral("class_") + (cls.isEmpty() ? QStringLiteral("none") : cls));
        action->setShortcut(QKeySequence(QString::number(k < keys.size() ? k + 1 : 0)));
        action->setCheckable(true);
        action->setChecked(cls == current);
    }
}

void ContactsController::setClass(int index, const QString& cls)
{
    if (index < 0 || std::size_t(index) >= m_contacts.size())
        return;
    auto c = m_contacts[std::size_t(index)];
    c.cls = cls.toStdString();
    change(index, c, tr("Set contact class"));
}

void ContactsController::setNote(int index, const QString& note)
{
    if (index < 0 || std::size_t(index) >= m_contacts.size())
        return;
    auto c = m_contacts[std::size_t(index)];
    c.note = note.toStdString();
    change(index, c, tr("Edit note"));
}

QString ContactsController::details(int index) const
{
    if (index < 0 || std::size_t(index) >= m_contacts.size())
        return {};
    const auto& c = m_contacts[std::size_t(index)];
    QStringList members;
    for (const auto& [name, score] : c.detectorScores)
        members << QStringLiteral("%1 %2")
                       .arg(ContactTable::detectorName(QString::fromStdString(name)))
                       .arg(score, 0, 'f', 2);
    // What the CNN made of a box it did not propose: one the analyst marked, or the classical detector's.
    QString cnnView;
    if (!c.cnnClass.empty())
        cnnView = c.cnnSeesNoObject()
                      ? tr("; the CNN sees no object in its box (%1 %)").arg(int(std::lround(c.cnnObjectness * 100)))
                      : tr("; the CNN took it for a %1 (%2 %; an object, %3 %)")
                            .arg(ContactTable::className(QString::fromStdString(c.cnnClass)))
                            .arg(int(std::lround(c.cnnClassProbability * 100)))
                            .arg(int(std::lround(c.cnnObjectness * 100)));
    const auto who = (c.detector == "analyst"
                          ? tr("marked by the analyst")
                          : tr("score %1 (%2)")
                                .arg(c.score, 0, 'f', 2)
                                .arg(members.isEmpty() ? ContactTable::detectorName(QString::fromStdString(c.detector))
                                                       : members.join(QStringLiteral(", ")))) +
                     cnnView;
    if (c.inWaterColumn()) {
        const auto where = c.aboveSeabed > 0
                               ? tr("%1 m out, %2 m above the seabed (from where its shadow falls), over %3, %4")
                                     .arg(c.groundRange, 0, 'f', 1)
                                     .arg(c.aboveSeabed, 0, 'f', 1)
                                     .arg(c.y, 0, 'f', 6)
                                     .arg(c.x, 0, 'f', 6)
                               : tr("no shadow found to place it: under the towfish at %1, %2")
                                     .arg(c.y, 0, 'f', 6)
                                     .arg(c.x, 0, 'f', 6);
        return tr("<b>Ping %1</b>, %2 · in the water column, %3 m slant range from the towfish; %4 · %5 m along, %6 m "
                  "across in slant range · %7")
            .arg(c.ping)
            .arg(c.side ? tr("starboard") : tr("port"))
            .arg(c.slantRange(), 0, 'f', 1)
            .arg(where)
            .arg(c.length, 0, 'f', 1)
            .arg(c.width, 0, 'f', 1)
            .arg(who);
    }
    return tr("<b>Ping %1</b>, %2 · %3, %4 · %5 m across · %6 × %7 m, %8 m high (from its shadow) · %9")
        .arg(c.ping)
        .arg(c.side ? tr("starboard") : tr("port"))
        .arg(c.y, 0, 'f', 6)
        .arg(c.x, 0, 'f', 6)
        .arg(c.groundRange, 0, 'f', 1)
        .arg(c.length, 0, 'f', 1)
        .arg(c.width, 0, 'f', 1)
        .arg(c.height, 0, 'f', 2)
        .arg(who);
}

int ContactsController::addDrawn(const sonar::SonarFile& file, const sonar::Georeferencer& geo, int side,
                                 double firstPing, double lastPing, double nearSlant, double farSlant)
{
    const double top = std::max(0.0, std::min(firstPing, lastPing)), bottom = std::max(firstPing, lastPing);
    constexpr double largest = 5000; // pings: a box larger is a slip of the mouse, not an object
    if (bottom - top > largest) {
        emit message(tr("A contact's box may span at most %1 pings: zoom in and draw it round the object.")
                         .arg(largest, 0, 'f', 0));
        return -1;
    }
    project::ContactRecord contact;
    try {
        contact = project::contactFromDetection(sonar::detectionFromDrawnBox(
            file, geo, side, std::size_t(std::lround(top)), std::size_t(std::lround(bottom)), nearSlant, farSlant));
    } catch (const std::exception& e) {
        emit failed(QString::fromStdString(e.what()));
        return -1;
    }
    contact.detectorScores.clear(); // no detector's score: the analyst's own
    contact.status = "confirmed";
    for (std::size_t i = 0; i < m_contacts.size(); ++i)
        if (project::sameObject(m_contacts[i], contact)) {
            m_table->setCurrentIndex(int(i));
            m_table->setDetails(details(int(i)));
            m_table->view()->setFocus();
            emit message(tr("That object is already listed (ping %1): review it there.").arg(m_contacts[i].ping));
            return -1;
        }
    const QString proposal = proposeClass(file, contact);
    const auto at = int(std::upper_bound(m_contacts.begin(), m_contacts.end(), contact,
                                         [](const auto& a, const auto& b) { return a.ping < b.ping; }) -
                        m_contacts.begin());
    m_undo->push(new LambdaCommand(
        tr("Mark contact"),
        [this, at, contact] {
            m_contacts.insert(m_contacts.begin() + at, contact);
            showChanged(at);
        },
        [this, at] {
            m_contacts.erase(m_contacts.begin() + at);
            showChanged(std::min(at, int(m_contacts.size()) - 1));
        }));
    m_table->view()->setFocus(); // 1–6 give the class, Enter a note
    if (contact.inWaterColumn())
        emit message(tr("Contact marked at ping %1, in the water column: %2 × %3 m (across in slant range). Keys 1–6 "
                        "give its class, Enter a note; Ctrl+Z takes it back.")
                         .arg(contact.ping)
                         .arg(contact.length, 0, 'f', 1)
                         .arg(contact.width, 0, 'f', 1));
    else
        emit message(tr("Contact marked at ping %1: %2 × %3 m, %4 m high. %5Keys 1–6 give its class, Enter a note; "
                        "Ctrl+Z takes it back.")
                         .arg(contact.ping)
                         .arg(contact.length, 0, 'f', 1)
                         .arg(contact.width, 0, 'f', 1)
                         .arg(contact.height, 0, 'f', 2)
                         .arg(proposal.isEmpty() ? QString() : proposal + QLatin1Char(' ')));
    logtext::info(QT_TRANSLATE_NOOP("Log", "Contact marked by hand at ping %1"), {QString::number(contact.ping)});
    return at;
}

QString ContactsController::proposeClass(const sonar::SonarFile& file, project::ContactRecord& contact)
{
    if (contact.inWaterColumn())
        return {}; // the network reads the seabed only (the water column is flattened for it)
    const int samples = file.pingInfo(std::size_t(contact.ping)).samples;
    const double slantRange = file.pingInfo(std::size_t(contact.ping)).slantRange;
    if (samples <= 0 || slantRange <= 0)
        return {};
    ml::CnnDetector::ClassProposal proposal;
    try {
        // Loaded once per detector folder (a retrain changes it); the network reads a few hundred
        // pings round the box, a few tens of milliseconds on the CPU.
        if (!m_classifier || m_classifierDir != detectorModel()) {
            m_classifier.reset();
            m_classifierDir = detectorModel();
            m_classifier = std::make_shared<ml::CnnDetector>(ml::CnnDetector::load(m_classifierDir.toStdString()));
        }
        const double perSample = slantRange / samples;
        proposal =
            m_classifier->classify(file, contact.side, std::size_t(contact.firstPing), std::size_t(contact.lastPing),
                                   int(contact.nearSlant / perSample), int(std::ceil(contact.farSlant / perSample)));
    } catch (const std::exception& e) {
        // A file of another sample count, or a detector folder gone: the analyst gives the class.
        logtext::info(QT_TRANSLATE_NOOP("Log", "No class proposed for the marked contact: %1"),
                      {QString::fromStdString(e.what())});
        return {};
    }
    if (proposal.cls.empty())
        return {};
    contact.cnnClass = proposal.cls;
    contact.cnnClassProbability = proposal.probability;
    contact.cnnObjectness = proposal.objectness;
    if (contact.cnnSeesNoObject())
        return tr("The CNN sees no object there (%1 %): is it the brightest speckle?")
            .arg(int(std::lround(proposal.objectness * 100)));
    const QString cls = ContactTable::className(QString::fromStdString(proposal.cls));
    const int percent = int(std::lround(proposal.probability * 100));
    if (proposal.probability < 0.5)
        return tr("The CNN is unsure of its class (%1 at %2 %).").arg(cls).arg(percent);
    contact.cls = proposal.cls;
    return tr("The CNN takes it for a %1 (%2 %): the class is filled in.").arg(cls).arg(percent);
}

namespace {

bool anyConfirmed(const std::vector<project::ContactRecord>& contacts)
{
    return std::any_of(contacts.begin(), contacts.end(), [](const auto& c) { return c.status == "confirmed"; });
}

} // namespace

bool ContactsController::hasConfirmed() const
{
    return anyConfirmed(m_contacts);
}

QString ContactsController::needsConfirmedText()
{
    return tr("Confirm some contacts first (C in the Contacts dock): the detector learns from them.");
}

QString ContactsController::detectorModel() const
{
    return m_model.isEmpty() ? QString::fromStdString(ml::shippedDetectorDir().string()) : m_model;
}

void ContactsController::retrain(std::shared_ptr<const sonar::SonarFile> file, const QString& outDir, int epochs)
{
    if (m_retraining || m_detecting || !file)
        return;
    m_retraining = true;
    m_stop = false;
    const auto contacts = m_contacts;
    QMetaObject::invokeMethod(
        m_worker,
        [this, file, contacts, outDir, epochs, from = detectorModel(), generation = m_generation,
         device = m_device ? m_device() : QStringLiteral("cpu")] {
            QString failure, summary;
            try {
                auto labels = ml::labelsFromContacts(*file, contacts, 0.5);
                if (!anyConfirmed(contacts) || labels.empty())
                    throw Error(needsConfirmedText().toStdString());
                auto detector = ml::CnnDetector::load(from.toStdString());
                if (const auto moved = detector.useDevice(device.toStdString()); !moved.empty())
                    emit message(QString::fromStdString(moved));
                ml::DetectorTrainOptions options;
                options.train.epochs = epochs;
                options.train.batchSize = 16;
                options.train.learningRate = 5e-4; // fine-tuning: small steps keep what it knew
                options.train.patience = epochs;
                options.tilesPerEpoch = 128;
                std::string log = "model cnn_detector\ndevice " + detector.device() + "\nfine-tuned from " +
                                  from.toStdString() + "\ndata " + file->path().string() + " (" +
                                  std::to_string(labels.size()) + " confirmed contacts)\n";
                const auto result = ml::trainDetector(
                    detector, {{file, std::move(labels)}}, options,
                    [this, &log](const ml::TrainProgress& p) {
                        if (p.epochDone)
                            log += "epoch " + std::to_string(p.epoch) + "  train loss " + std::to_string(p.trainLoss) +
                                   "  validation loss " + std::to_string(p.validationLoss) + "\n";
                        emit retrainProgress(p.epoch, p.epochs, int(p.step), int(p.steps), p.trainLoss,
                                             p.validationLoss, p.epochDone);
                    },
                    &m_stop);
                if (result.cancelled || result.bestEpoch == 0)
                    throw Error(tr("Retraining was cancelled; the detector is unchanged.").toStdString());
                log += "best epoch " + std::to_string(result.bestEpoch) + "\n";
                detector.save(outDir.toStdString(), log,
                              {{"best_epoch", result.bestEpoch}, {"seconds", result.seconds}});
                summary = tr("best epoch %1 of %2, %3 s")
                              .arg(result.bestEpoch)
                              .arg(result.trainLoss.size())
                              .arg(result.seconds, 0, 'f', 0);
            } catch (const std::exception& e) {
                failure = QString::fromStdString(e.what());
            }
            QMetaObject::invokeMethod(
                this,
                [this, file, failure, summary, outDir, generation] {
                    m_retraining = false;
                    if (!failure.isEmpty()) {
                        emit failed(failure);
                        return;
                    }
                    if (generation != m_generation) { // the contacts it learned from are no longer open
                        emit failed(tr("Retraining stopped: other contacts were opened meanwhile."));
                        return;
                    }
                    m_model = outDir;
                    emit retrained(outDir, summary);
                    detect(file); // the new detector's proposals; reviewed contacts stay
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace fathom
