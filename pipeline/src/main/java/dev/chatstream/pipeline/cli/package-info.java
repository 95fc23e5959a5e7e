/**
 * The {@code chatstream} command line (picocli): {@link dev.chatstream.pipeline.cli.Main} and one class
 * per command ({@code run}, {@code produce}, {@code consume}, {@code chat}, {@code demo}). Options every
 * command shares are {@code ConfigOptions}.
 */
package dev.chatstream.pipeline.cli;
