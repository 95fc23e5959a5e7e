package dev.chatstream.drills;

final class BadInputDrill {
  private final DrillSetting setting;

  BadInputDrill(DrillSetting setting) {
    this.setting = setting;
  }

  DrillReport run() {
    return new DrillReport("BadInputDrill " + setting.quick()).check(false, "not written yet");
  }
}
