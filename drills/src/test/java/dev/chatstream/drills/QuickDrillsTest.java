package dev.chatstream.drills;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatstream.pipeline.config.ChatstreamConfig;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every drill at its {@code --quick} size, as {@code ./chatstream test} (and so CI) runs them: real
 * child JVMs, real brokers, a real loopback fault server. Each test prints the drill's figures to
 * the test's output and fails with the checks that did not hold.
 */
class QuickDrillsTest {
  private static final DrillSetting QUICK = new DrillSetting(true, 20261203L, Path.of("target", "drills").toAbsolutePath());

  @ParameterizedTest
  @ValueSource(strings = {ChatstreamConfig.AT_LEAST_ONCE, ChatstreamConfig.EXACTLY_ONCE_V2})
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void crashesLoseAndDuplicateNothing(String guarantee) {
    assertPassed(new CrashDrill(QUICK, guarantee).run());
  }

  @ParameterizedTest
  @ValueSource(strings = {ChatstreamConfig.AT_LEAST_ONCE, ChatstreamConfig.EXACTLY_ONCE_V2})
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void aRebalanceStormLosesAndDuplicatesNothing(String guarantee) {
    assertPassed(new RebalanceDrill(QUICK, guarantee).run());
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void aWipedStateDirectoryIsRestoredFromTheChangelog() {
    assertPassed(new StateWipedDrill(QUICK).run());
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void everyBadRecordBecomesADeadLetterWithItsReason() {
    assertPassed(new BadInputDrill(QUICK).run());
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void providerFaultsAreRetriedAndFailedOverAsTheRulesSay() {
    assertPassed(new ProviderFaultsDrill(QUICK).run());
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void secretsReachNoTopicLogOrFile() {
    assertPassed(new SecretCanaryDrill(QUICK).run());
  }

  private static void assertPassed(DrillReport report) {
    report.print(System.out);
    assertTrue(report.passed(), "drill " + report.drill() + " failed: " + report.failures() + "; figures " + report.figures());
  }
}
