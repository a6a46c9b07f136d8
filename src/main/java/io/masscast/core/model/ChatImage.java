package io.masscast.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A PNG image to post in a channel (a digest's chart): its file name, a text that describes it for people
 * who can't see it, and its bytes.
 */
public record ChatImage(String fileName, String altText, byte[] png) {
    /** What every PNG file starts with. */
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public ChatImage {
        ChannelRef.requireText(fileName, "fileName");
        if (!fileName.endsWith(".png") || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("fileName must be a plain name ending in .png: " + fileName);
        }
        altText = altText == null ? "" : altText;
        Objects.requireNonNull(png, "png");
        if (png.length < PNG_SIGNATURE.length
                || !Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            throw new IllegalArgumentException("not a PNG image");
        }
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    public int size() {
        return png.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChatImage image
                && fileName.equals(image.fileName)
                && altText.equals(image.altText)
                && Arrays.equals(png, image.png);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, altText, Arrays.hashCode(png));
    }

    @Override
    public String toString() {
        return "ChatImage[" + fileName + ", " + png.length + " bytes]";
    }
}
