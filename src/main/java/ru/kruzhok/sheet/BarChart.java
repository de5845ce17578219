package ru.kruzhok.sheet;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A horizontal bar chart for reports, drawn by JFreeChart: answers (or topics) down the left, read
 * horizontally and wrapped over lines, never rotated; each bar labelled with its share and its count
 * («66,7 % (2)»); the question as a wrapping title and what was counted (municipality, period, N) as
 * the subtitle. Sized and lettered to stay readable in Telegram's preview, where a photo is shown at
 * about half its width. All text uses DejaVu Sans from the jar, so Cyrillic is drawn the same on any
 * server; fractional font metrics keep letters evenly spaced.
 */
public final class BarChart {

    public static final int WIDTH = 1000;
    public static final int MIN_HEIGHT = 520;
    public static final int MAX_HEIGHT = 1400;
    static final String FONT_RESOURCE = "/fonts/DejaVuSans.ttf";
    private static final Font FONT = loadFont();
    private static final Color BAR = new Color(0x2E, 0x7D, 0x32);

    /** One bar: its label, its count and its share of the whole in percent. */
    public record Bar(String label, long count, double percent) {
    }

    private BarChart() {
    }

    /** The font every chart uses (DejaVu Sans, Cyrillic included). */
    public static Font font() {
        return FONT;
    }

    /** The chart, for callers (and tests) that want its configuration; {@link #png} draws it. */
    public static JFreeChart chart(String title, String subtitle, List<Bar> bars) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar bar : bars) {
            // a category key must be unique: labels are, in a question's options
            data.addValue(bar.percent(), "share", bar.label());
        }
        CategoryAxis labels = new CategoryAxis();
        labels.setTickLabelFont(FONT.deriveFont(22f));
        labels.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        labels.setMaximumCategoryLabelLines(3);
        labels.setMaximumCategoryLabelWidthRatio(0.42f);
        labels.setCategoryMargin(0.25);
        labels.setLowerMargin(0.03);
        labels.setUpperMargin(0.03);
        labels.setAxisLineVisible(false);
        labels.setTickMarksVisible(false);

        NumberAxis values = new NumberAxis();
        values.setRange(0, 118); // room right of a 100 % bar for its label
        values.setVisible(false);

        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(FONT.deriveFont(Font.BOLD, 21f));
        renderer.setDefaultItemLabelPaint(Color.DARK_GRAY);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(8);
        renderer.setDefaultItemLabelGenerator(new BarLabels(bars));

        CategoryPlot plot = new CategoryPlot(data, labels, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setInsets(new RectangleInsets(10, 10, 10, 24));

        JFreeChart chart = new JFreeChart(null, FONT.deriveFont(Font.BOLD, 26f), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        TextTitle head = new TextTitle(title, FONT.deriveFont(Font.BOLD, title.length() <= 90 ? 26f : 23f));
        head.setHorizontalAlignment(HorizontalAlignment.LEFT);
        head.setTextAlignment(HorizontalAlignment.LEFT);
        head.setMargin(16, 20, 4, 20);
        head.setMaximumLinesToDisplay(3);
        chart.setTitle(head);
        if (subtitle != null && !subtitle.isBlank()) {
            TextTitle sub = new TextTitle(subtitle, FONT.deriveFont(20f));
            sub.setPaint(new Color(0x55, 0x55, 0x55));
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setMargin(0, 20, 10, 20);
            sub.setFrame(BlockBorder.NONE);
            chart.addSubtitle(sub);
        }
        chart.getRenderingHints().put(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        chart.getRenderingHints().put(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return chart;
    }

    /** The height for a number of bars: each bar gets room for a three-line label. */
    public static int height(int bars) {
        return Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, 200 + 78 * bars));
    }

    /** The chart as PNG, {@link #WIDTH} wide and {@link #height} high. */
    public static byte[] png(String title, String subtitle, List<Bar> bars) {
        JFreeChart chart = chart(title, subtitle, bars);
        BufferedImage image = chart.createBufferedImage(WIDTH, height(bars.size()));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** «66,7 % (2)»: the share with a decimal comma, as Russian reports write it, and the count. */
    public static String barLabel(Bar bar) {
        DecimalFormat f = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("ru")));
        return f.format(bar.percent()) + " % (" + bar.count() + ")";
    }

    /** Writes each bar's {@link #barLabel}. */
    private static final class BarLabels implements org.jfree.chart.labels.CategoryItemLabelGenerator {
        private final List<Bar> bars;

        BarLabels(List<Bar> bars) {
            this.bars = List.copyOf(bars);
        }

        @Override
        public String generateRowLabel(org.jfree.data.category.CategoryDataset dataset, int row) {
            return "";
        }

        @Override
        public String generateColumnLabel(org.jfree.data.category.CategoryDataset dataset, int column) {
            return String.valueOf(dataset.getColumnKey(column));
        }

        @Override
        public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
            return barLabel(bars.get(column));
        }
    }

    private static Font loadFont() {
        // charts are drawn on servers without a display
        System.setProperty("java.awt.headless", "true");
        try (InputStream in = BarChart.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + FONT_RESOURCE);
            }
            Font f = Font.createFont(Font.TRUETYPE_FONT, in);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
