package io.masscast.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Media uploads of one creator: init, one PUT (single part) or parts + complete, then a single-use
 * {@code upload:<uuid>} reference for {@code mediaItems}. Part sizes are not checked against the declared size.
 * The part size (5 MiB unless a test or {@code POST /_sim/uploads} sets another) decides how many parts an upload
 * takes.
 */
final class Uploads {
    static final long PART_SIZE = 5L * 1024 * 1024;

    private final Vault vault;
    private final String idNamespace;
    private final Map<String, Upload> uploads = new HashMap<>();
    private long created;
    private long partSize = PART_SIZE;
    private boolean namesMedia = true;

    Uploads(Vault vault, String idNamespace) {
        this.vault = vault;
        this.idNamespace = idNamespace;
    }

    record Plan(String mediaUploadId, int totalParts, long partSize) {}

    synchronized Plan init(long size, MediaType type) {
        String id =
                "upload:" + UUID.nameUUIDFromBytes((idNamespace + ":" + ++created).getBytes(StandardCharsets.UTF_8));
        int totalParts = (int) Math.max(1, (size + partSize - 1) / partSize);
        uploads.put(id, new Upload(type, size, totalParts));
        return new Plan(id, totalParts, partSize);
    }

    /** From now on, uploads are planned in parts of {@code bytes}. */
    synchronized void partSize(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("partSize: at least 1 byte");
        }
        partSize = bytes;
    }

    /** Whether a finished upload's answer names its vault media (OFAuth documents {@code media} as optional). */
    synchronized void namesMedia(boolean names) {
        namesMedia = names;
    }

    synchronized boolean namesMedia() {
        return namesMedia;
    }

    /** The single-part upload: this PUT carries the file and finalises it. */
    synchronized VaultMedia putWhole(String id, byte[] bytes, Instant now) {
        Upload upload = unfinished(id);
        if (upload.totalParts != 1) {
            throw ApiError.badRequest(
                    "upload " + id + " has " + upload.totalParts + " parts: PUT each part, then complete");
        }
        return finish(upload, md5(bytes), now);
    }

    synchronized String putPart(String id, int partNumber, byte[] bytes) {
        Upload upload = unfinished(id);
        if (partNumber < 1 || partNumber > upload.totalParts) {
            throw ApiError.badRequest(
                    "partNumber: must be between 1 and " + upload.totalParts + " (got " + partNumber + ")");
        }
        String etag = md5(bytes);
        upload.partEtags.put(partNumber, etag);
        return etag;
    }

    synchronized VaultMedia complete(String id, Instant now) {
        Upload upload = unfinished(id);
        if (upload.partEtags.size() != upload.totalParts) {
            throw ApiError.badRequest(
                    "upload " + id + " has " + upload.partEtags.size() + " of " + upload.totalParts + " parts");
        }
        String etag = md5(String.join("", upload.partEtags.values()).getBytes(StandardCharsets.UTF_8)) + "-"
                + upload.totalParts;
        return finish(upload, etag, now);
    }

    /** A finished upload with this etag and declared size, for {@code /uploads/check}. */
    synchronized Optional<VaultMedia> findFinished(String etag, long size) {
        return uploads.values().stream()
                .filter(upload -> upload.media != null && upload.etag.equals(etag) && upload.size == size)
                .map(upload -> upload.media)
                .findFirst();
    }

    /** The vault media behind these references, consuming all of them or none (400 naming the bad one). */
    synchronized List<VaultMedia> consume(List<String> refs) {
        Set<String> seen = new HashSet<>();
        List<Upload> usable = new ArrayList<>();
        for (String ref : refs) {
            Upload upload = uploads.get(ref);
            if (upload == null) {
                throw ApiError.badRequest("mediaItems: unknown upload reference " + ref);
            }
            if (upload.media == null) {
                throw ApiError.badRequest("mediaItems: upload " + ref + " is not finished");
            }
            if (upload.consumed || !seen.add(ref)) {
                throw ApiError.badRequest("mediaItems: upload reference " + ref + " was already used; use vault id "
                        + upload.media.id() + " instead");
            }
            usable.add(upload);
        }
        usable.forEach(upload -> upload.consumed = true);
        return usable.stream().map(upload -> upload.media).toList();
    }

    private Upload unfinished(String id) {
        Upload upload = uploads.get(id);
        if (upload == null) {
            throw ApiError.resourceNotFound("Upload " + id);
        }
        if (upload.media != null) {
            throw ApiError.badRequest("upload " + id + " is already finished");
        }
        return upload;
    }

    private VaultMedia finish(Upload upload, String etag, Instant now) {
        upload.etag = etag;
        upload.media = vault.add(upload.type, now);
        return upload.media;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships MD5", e);
        }
    }

    private static final class Upload {
        private final MediaType type;
        private final long size;
        private final int totalParts;
        private final Map<Integer, String> partEtags = new TreeMap<>();
        private String etag;
        private VaultMedia media;
        private boolean consumed;

        Upload(MediaType type, long size, int totalParts) {
            this.type = type;
            this.size = size;
            this.totalParts = totalParts;
        }
    }
}
