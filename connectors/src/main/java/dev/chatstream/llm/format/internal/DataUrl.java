package dev.chatstream.llm.format.internal;

import dev.chatstream.llm.format.ProviderFormatException;
import java.util.Base64;
import java.util.Locale;

/**
 * A parsed base64 {@code data:} URL: {@code data:[<mime type>][;<param>]*;base64,<data>}.
 *
 * @param mimeType the MIME type in the URL, lower-cased, or null when the URL names none
 * @param base64Data the payload, still base64-encoded (checked to decode)
 */
public record DataUrl(String mimeType, String base64Data) {
  private static final String SCHEME = "data:";

  /** True when {@code url} uses the {@code data:} scheme. */
  public static boolean isDataUrl(String url) {
    return url.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
  }

  /**
   * Parses a data URL. Error messages say what is wrong without quoting the URL.
   *
   * @param url the URL
   * @param owner names the URL's owner in error messages (for example {@code image img_1})
   * @throws ProviderFormatException when the URL is not a base64 data URL with a non-empty payload
   */
  public static DataUrl parse(String url, String owner) {
    if (!isDataUrl(url)) {
      throw malformed(owner, "it does not start with 'data:'");
    }
    int comma = url.indexOf(',');
    if (comma < 0) {
      throw malformed(owner, "it has no ',' before the data");
    }
    String[] header = url.substring(SCHEME.length(), comma).split(";", -1);
    if (header.length < 2 || !header[header.length - 1].equalsIgnoreCase("base64")) {
      throw malformed(owner, "only base64-encoded data URLs are supported");
    }
    String data = url.substring(comma + 1);
    if (data.isEmpty()) {
      throw malformed(owner, "it carries no data");
    }
    try {
      Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw malformed(owner, "its data is not valid base64");
    }
    String mime = header[0].strip().toLowerCase(Locale.ROOT);
    return new DataUrl(mime.isEmpty() ? null : mime, data);
  }

  private static ProviderFormatException malformed(String owner, String why) {
    return new ProviderFormatException("malformed data URL in " + owner + ": " + why);
  }
}
