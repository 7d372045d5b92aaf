package dev.ijoka.app;

import dev.ijoka.api.IjokaException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command line's exit codes: one per kind of failure, so scripts can tell them apart. The
 * names are the engine's {@link IjokaException#code()}s plus the command line's own.
 * {@code docs/cli.md} lists them; a test keeps the two in step.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** Something unexpected: a bug. The message says where to report it. */
    public static final int INTERNAL = 1;
    /** The command line itself is wrong: unknown command or option, missing or malformed argument. */
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    public static final int INVALID_INPUT = 4;
    public static final int ILLEGAL_TRANSITION = 5;
    public static final int DEPENDENCIES_INCOMPLETE = 6;
    public static final int CLAIM_CONFLICT = 7;
    public static final int STALE_VERSION = 8;
    public static final int DEPENDENCY_CYCLE = 9;
    public static final int RULE_VIOLATION = 10;
    public static final int STORE_FAILURE = 11;
    /** {@code ijoka doctor} found something to fix. */
    public static final int CHECK_FAILED = 12;
    /** A file could not be written (e.g. an export's output). */
    public static final int IO_ERROR = 13;
    /**
     * A command handed to a running {@code ijoka mcp}, {@code serve} or {@code desktop} whose process stopped before it
     * said how the command ended: it may or may not have been applied (never run a second time here).
     */
    public static final int OUTCOME_UNKNOWN = dev.ijoka.claude.CommandRelayClient.OUTCOME_UNKNOWN;

    private static final Map<String, Integer> BY_CODE = new LinkedHashMap<>();

    static {
        BY_CODE.put("ok", OK);
        BY_CODE.put("internal_error", INTERNAL);
        BY_CODE.put("usage", USAGE);
        BY_CODE.put("not_found", NOT_FOUND);
        BY_CODE.put("invalid_input", INVALID_INPUT);
        BY_CODE.put("illegal_transition", ILLEGAL_TRANSITION);
        BY_CODE.put("dependencies_incomplete", DEPENDENCIES_INCOMPLETE);
        BY_CODE.put("claim_conflict", CLAIM_CONFLICT);
        BY_CODE.put("stale_version", STALE_VERSION);
        BY_CODE.put("dependency_cycle", DEPENDENCY_CYCLE);
        BY_CODE.put("rule_violation", RULE_VIOLATION);
        BY_CODE.put("store_failure", STORE_FAILURE);
        BY_CODE.put("check_failed", CHECK_FAILED);
        BY_CODE.put("io_error", IO_ERROR);
        BY_CODE.put("outcome_unknown", OUTCOME_UNKNOWN);
    }

    private ExitCodes() {}

    /** The exit code for an error code; {@link #INTERNAL} for one this version does not know. */
    public static int of(String code) {
        if (code.equals("invalid_import")) {
            return INVALID_INPUT;
        }
        return BY_CODE.getOrDefault(code, INTERNAL);
    }

    /** Every code and its exit code, in order. */
    public static Map<String, Integer> all() {
        return java.util.Collections.unmodifiableMap(BY_CODE);
    }
}
