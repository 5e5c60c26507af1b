#include "common/atomicfile.h"
#include "common/timeformat.h"
#include "jsfwriter.h"
#include "simulator.h"
#include "xtfwriter.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace fathom::sonar {

namespace {

void writeTruth(const std::filesystem::path& path, const SurveySimulator& sim)
{
    AtomicFile file(path);
    auto& out = file.stream();
    out << "id,class,mine_like,ferrous,latitude,longitude,ping,channel,sample,slant_range_m,along_m,across_m,"
           "length_m,width_m,height_m\n";
    char line[256];
    for (const auto& o : sim.objects()) {
        std::snprintf(line, sizeof line, "%d,%s,%d,%d,%.8f,%.8f,%zu,%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f\n", o.id,
                      o.cls.c_str(), int(o.mineLike), int(o.ferrous), o.y, o.x, o.ping, o.channel, o.sample,
                      o.slantRange, o.along, o.across, o.length, o.width, o.height);
        out << line;
    }
    file.commit();
}

void writeSensors(const std::filesystem::path& path, const SurveySimulator& sim)
{
    AtomicFile file(path);
    auto& out = file.stream();
    out << "time,ping,altitude_m,depth_m,pitch_deg,roll_deg,heading_deg,speed_mps,cable_out_m,water_temp_c,"
           "sound_velocity_mps,mag_total_nt,salinity_psu,turbidity_ntu\n";
    char line[320];
    for (int i = 0; i < sim.options().pings; ++i) {
        const auto p = sim.ping(std::size_t(i));
        const double t = double(i) * sim.options().pingInterval;
        const double temperature = 14.2 + 0.02 * p.depth * -1.0 + 0.15 * std::sin(t / 45.0);
        const double salinity = 34.1 + 0.05 * std::sin(t / 70.0 + 1.0);
        const double turbidity = 2.0 + 0.8 * std::pow(std::sin(t / 23.0), 2);
        std::snprintf(line, sizeof line, "%s,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.1f,%.3f,%.2f,%.2f,%.3f,%.3f\n",
                      formatUtc(p.time, TimeStyle::IsoMillis).c_str(), i, p.altitude, p.depth, p.pitch, p.roll,
                      p.heading, p.speed, p.cableOut, temperature, p.soundVelocity, sim.magnetometer(std::size_t(i)),
                      salinity, turbidity);
        out << line;
    }
    file.commit();
}

} // namespace

std::vector<std::filesystem::path> writeDemoSurvey(const std::filesystem::path& dir,
                                                   const SurveySimulator::Options& options)
{
    std::filesystem::create_directories(dir);
    const SurveySimulator sim(options);
    XtfWriter::Options xtf;
    xtf.recorder = "Fathom";
    xtf.sonarName = "Sim 455 kHz";
    xtf.channels = {{0, Side::Port, "PORT", SampleFormat::U16, 455000.0},
                    {1, Side::Starboard, "STARBOARD", SampleFormat::U16, 455000.0}};
    const auto sonarPath = dir / "survey.xtf";
    const auto jsfPath = dir / "survey.jsf";
    XtfWriter writer(sonarPath, xtf);
    JsfWriter jsfWriter(jsfPath, {21, 455000.0});
    for (int i = 0; i < options.pings; ++i) {
        const auto ping = sim.ping(std::size_t(i));
        const auto samples = sim.samples(std::size_t(i));
        writer.write(ping, samples);
        jsfWriter.write(ping, samples);
    }
    writer.close();
    jsfWriter.close();
    writeTruth(dir / "truth.csv", sim);
    writeSensors(dir / "sensors.csv", sim);
    return {sonarPath, dir / "truth.csv", dir / "sensors.csv", jsfPath};
}

} // namespace fathom::sonar
