#include "common/config.h"
#include "common/error.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using fathom::Config;

class TestConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::filesystem::path write(const char* name, const std::string& text)
    {
        const auto path = std::filesystem::path(m_dir.path().toStdString()) / name;
        std::ofstream(path) << text;
        return path;
    }

private slots:
    void builtInDefaultsGiveEveryProfile()
    {
        Config config;
        QCOMPARE(config.getString("device"), std::string("auto"));
        QCOMPARE(config.getInt("profiles.cpu.batch_size"), 32);
        QCOMPARE(config.getString("profiles.cuda.mixed_precision"), std::string("auto"));
        QCOMPARE(config.source("profiles.cpu.batch_size"), std::string("defaults"));
    }

    void laterLayersWinKeyByKey()
    {
        Config config;
        config.addFile(write("env.yaml", "profiles:\n  cpu:\n    batch_size: 64\n    workers: 3\n"));
        config.addFile(write("user.yaml", "profiles:\n  cpu:\n    batch_size: 16\n"));
        config.addOverride("profiles.cpu.workers=5");
        QCOMPARE(config.getInt("profiles.cpu.batch_size"), 16);          // user file over environment
        QCOMPARE(config.getInt("profiles.cpu.workers"), 5);              // command line over both
        QCOMPARE(config.getDouble("profiles.cpu.memory_fraction"), 0.5); // untouched: defaults
        QVERIFY(config.source("profiles.cpu.batch_size").ends_with("user.yaml"));
        QCOMPARE(config.source("profiles.cpu.workers"), std::string("command line"));
        QCOMPARE(config.source("profiles.cpu.memory_fraction"), std::string("defaults"));
    }

    void commandLineValuesAreTyped()
    {
        Config config;
        config.addOverride("monitor.interval_ms=250");
        config.addOverride("profiles.cuda.mixed_precision=bf16");
        config.addOverride("brand.new.key=true");
        QCOMPARE(config.getInt("monitor.interval_ms"), 250);
        QCOMPARE(config.getString("profiles.cuda.mixed_precision"), std::string("bf16"));
        QVERIFY(config.getBool("brand.new.key"));
        QCOMPARE(config.getInt("profiles.cuda.batch_size"), 128); // the sibling keys stay
    }

    void malformedFileNamesFileAndLine()
    {
        Config config;
        const auto bad = write("broken.yaml", "device: cpu\nprofiles:\n  cpu: [1, 2\n  cuda: 3\n");
        try {
            config.addFile(bad);
            QFAIL("a malformed file was accepted");
        } catch (const fathom::Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find(bad.string()) != std::string::npos, message.c_str());
            QVERIFY2(message.find("line 4") != std::string::npos, message.c_str());
        }
        QCOMPARE(config.getString("device"), std::string("auto")); // nothing of it was taken
    }

    void wrongTypeNamesKeyAndLine()
    {
        Config config;
        const auto file = write("typed.yaml", "profiles:\n  cpu:\n    batch_size: lots\n");
        config.addFile(file);
        try {
            config.getInt("profiles.cpu.batch_size");
            QFAIL("a text batch size was read as a number");
        } catch (const fathom::Error& e) {
            const std::string message = e.what();
            QVERIFY2(message.find(file.string() + ":3") != std::string::npos, message.c_str());
            QVERIFY2(message.find("profiles.cpu.batch_size") != std::string::npos, message.c_str());
        }
    }

    void badOverrideIsRefused()
    {
        Config config;
        QVERIFY_THROWS_EXCEPTION(fathom::Error, config.addOverride("no-equals-sign"));
    }

    void missingFileIsAnError()
    {
        Config config;
        QVERIFY_THROWS_EXCEPTION(fathom::Error, config.addFile("/nonexistent/fathom.yaml"));
    }

    void shippedEnvironmentsParse()
    {
        const auto dir =
            std::filesystem::path(qEnvironmentVariable("FATHOM_SOURCE_DIR").toStdString()) / "resources/environments";
        if (!std::filesystem::exists(dir))
            QSKIP("FATHOM_SOURCE_DIR not set");
        for (const char* name : {"local.yaml", "gpu.yaml", "cloud.yaml"}) {
            Config config;
            config.addFile(dir / name);
            QVERIFY(config.getInt("profiles.cuda.batch_size") > 0);
            QCOMPARE(config.getString("environment"), std::string(name).substr(0, std::string(name).find('.')));
        }
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
