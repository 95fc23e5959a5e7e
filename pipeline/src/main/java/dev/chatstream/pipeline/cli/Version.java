package dev.chatstream.pipeline.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code chatstream --version}: the jar's implementation version. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"chatstream " + (version == null ? "(development build)" : version)};
  }
}
