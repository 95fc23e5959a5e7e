package dev.chatstream.llm.format.internal;

import dev.chatstream.llm.chat.ImageContent;
import dev.chatstream.llm.format.ProviderFormatException;
import java.util.Locale;
import java.util.Set;

/**
 * Where a provider gets an image from: an external URL, or inline base64 data with its MIME type.
 *
 * <p>Inline images come from data URLs; an explicit {@link ImageContent#mimeType()} wins over the
 * URL's. Only JPEG, PNG, WebP and GIF are accepted wherever a MIME type is sent.
 */
public sealed interface ImageSource {

  /** The MIME types providers accept for images. */
  Set<String> SUPPORTED_MIME_TYPES = Set.of("image/jpeg", "image/png", "image/webp", "image/gif");

  /** The URL to send: the external URL as given, or a data URL with the effective MIME type. */
  String url();

  /**
   * An image the provider fetches itself.
   *
   * @param url the URL
   * @param explicitMimeType the image's explicit MIME type (normalized), or null
   */
  record External(String url, String explicitMimeType) implements ImageSource {}

  /**
   * An image sent inline.
   *
   * @param mimeType a supported MIME type
   * @param base64Data the image bytes, base64-encoded
   */
  record Inline(String mimeType, String base64Data) implements ImageSource {

    /** The image as a {@code data:} URL carrying its effective MIME type. */
    @Override
    public String url() {
      return "data:" + mimeType + ";base64," + base64Data;
    }

    /** The MIME subtype: {@code jpeg}, {@code png}, {@code webp} or {@code gif}. */
    public String format() {
      return mimeType.substring(mimeType.indexOf('/') + 1);
    }
  }

  /**
   * Resolves {@code image}.
   *
   * @throws ProviderFormatException when the image is empty, its data URL is malformed, it has no
   *     MIME type, or its MIME type is not supported
   */
  static ImageSource of(ImageContent image) {
    String owner = "image " + image.id();
    if (image.image().isBlank()) {
      throw new ProviderFormatException(owner + " has an empty URL");
    }
    String explicit = normalize(image.mimeType());
    if (!DataUrl.isDataUrl(image.image())) {
      return new External(image.image(), explicit);
    }
    DataUrl dataUrl = DataUrl.parse(image.image(), owner);
    String mime = explicit != null ? explicit : dataUrl.mimeType();
    if (mime == null) {
      throw new ProviderFormatException(owner + " has no MIME type: its data URL names none and the image sets none");
    }
    return new Inline(requireSupported(mime, owner), dataUrl.base64Data());
  }

  /**
   * Returns {@code mimeType} when providers accept it.
   *
   * @throws ProviderFormatException naming {@code owner} and the accepted types otherwise
   */
  static String requireSupported(String mimeType, String owner) {
    if (!SUPPORTED_MIME_TYPES.contains(mimeType)) {
      throw new ProviderFormatException(owner + " has unsupported MIME type '" + mimeType
          + "' (expected image/jpeg, image/png, image/webp or image/gif)");
    }
    return mimeType;
  }

  private static String normalize(String mimeType) {
    if (mimeType == null || mimeType.isBlank()) {
      return null;
    }
    return mimeType.strip().toLowerCase(Locale.ROOT);
  }
}
