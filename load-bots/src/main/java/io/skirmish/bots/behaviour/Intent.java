package io.skirmish.bots.behaviour;

/**
 * One tick's decision, sent as one {@code input}: movement in world axes, aim in radians, fire.
 * Axes are clamped to [-1, 1]; the server scales longer vectors to length 1.
 */
public record Intent(double moveX, double moveY, double aim, boolean fire) {
    public Intent {
        if (!Double.isFinite(moveX) || !Double.isFinite(moveY) || !Double.isFinite(aim)) {
            throw new IllegalArgumentException("intent must be finite");
        }
        moveX = Math.max(-1, Math.min(1, moveX));
        moveY = Math.max(-1, Math.min(1, moveY));
    }

    /** Stand still, facing {@code aim}, not firing. */
    public static Intent idle(double aim) {
        return new Intent(0, 0, aim, false);
    }
}
