import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * check-deb.sh's eye: waits until the screen of $DISPLAY shows a painted window (more than a few colours, as a window
 * with text and a board has and an empty X screen has not), then saves it as a PNG. Exit 1 if nothing was painted
 * within the time given. Usage: java Screenshot.java OUT.png SECONDS
 */
public final class Screenshot {
    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
        Robot robot = new Robot();
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        int colours = 0;
        while (System.nanoTime() < deadline) {
            BufferedImage image = robot.createScreenCapture(screen);
            colours = colours(image);
            if (colours >= 64) {
                Thread.sleep(2000); // let the first paint settle (data arrives off the event-dispatch thread)
                ImageIO.write(robot.createScreenCapture(screen), "png", out);
                System.out.println("painted: " + colours + " colours on screen; saved " + out);
                return;
            }
            Thread.sleep(500);
        }
        ImageIO.write(robot.createScreenCapture(screen), "png", out);
        System.out.println("nothing painted: " + colours + " colours on screen; saved " + out);
        System.exit(1);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
