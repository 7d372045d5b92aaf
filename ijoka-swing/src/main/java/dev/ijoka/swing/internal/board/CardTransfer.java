package dev.ijoka.swing.internal.board;

import dev.ijoka.domain.Feature;
import dev.ijoka.domain.Status;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.TransferHandler;
import org.jspecify.annotations.Nullable;

/**
 * Drag and drop between the board's columns: a card carries its feature (as shown, with its version), and
 * dropping it on another column asks the board to run the command that moves it there.
 */
final class CardTransfer extends TransferHandler {

    static final DataFlavor FEATURE = localFlavor();

    private final BoardView board;

    CardTransfer(BoardView board) {
        this.board = board;
    }

    /** What a dragged card carries. */
    static Transferable of(Feature feature) {
        return new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[] {FEATURE};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return FEATURE.equals(flavor);
            }

            @Override
            public Object getTransferData(DataFlavor flavor) throws UnsupportedFlavorException {
                if (!isDataFlavorSupported(flavor)) {
                    throw new UnsupportedFlavorException(flavor);
                }
                return feature;
            }
        };
    }

    @Override
    public int getSourceActions(JComponent c) {
        return MOVE;
    }

    @Override
    protected @Nullable Transferable createTransferable(JComponent c) {
        if (c instanceof JList<?> list && list.getSelectedValue() instanceof Feature f) {
            return of(f);
        }
        return null;
    }

    @Override
    public boolean canImport(TransferSupport support) {
        return support.isDataFlavorSupported(FEATURE) && board.statusOf(support.getComponent()) != null;
    }

    @Override
    public boolean importData(TransferSupport support) {
        Status to = board.statusOf(support.getComponent());
        if (to == null || !support.isDataFlavorSupported(FEATURE)) {
            return false;
        }
        Feature feature;
        try {
            feature = (Feature) support.getTransferable().getTransferData(FEATURE);
        } catch (UnsupportedFlavorException | java.io.IOException e) {
            return false;
        }
        if (feature.status() == to) {
            return false; // order within a column means nothing
        }
        board.move(feature, to);
        return true;
    }

    private static DataFlavor localFlavor() {
        try {
            return new DataFlavor(DataFlavor.javaJVMLocalObjectMimeType + ";class=" + Feature.class.getName(),
                    "Ijoka feature", Feature.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Feature is on the class path", e);
        }
    }
}
