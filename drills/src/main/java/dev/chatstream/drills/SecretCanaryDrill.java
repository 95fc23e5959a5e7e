package dev.chatstream.drills;

final class SecretCanaryDrill {
  private final DrillSetting setting;

  SecretCanaryDrill(DrillSetting setting) {
    this.setting = setting;
  }

  DrillReport run() {
    return new DrillReport("SecretCanaryDrill " + setting.quick()).check(false, "not written yet");
  }
}
