package org.talentpipeline.platform;

import java.io.PrintWriter;

/** Writes samples in the Prometheus text exposition format (0.0.4). */
public final class PrometheusText {

    private final PrintWriter out;

    PrometheusText(PrintWriter out) {
        this.out = out;
    }

    public void type(String name, String type, String help) {
        if (help != null) {
            out.print("# HELP " + name + " " + help.replace("\\", "\\\\").replace("\n", "\\n") + "\n");
        }
        out.print("# TYPE " + name + " " + type + "\n");
    }

    public void sample(String name, String label, String value, double number) {
        out.print(name);
        if (label != null) {
            out.print("{" + label + "=\""
                    + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"}");
        }
        out.print(' ');
        out.print(
                number == Math.rint(number) && Math.abs(number) < 1e15
                        ? Long.toString((long) number)
                        : Double.toString(number));
        out.print('\n');
    }

    /** A gauge with one sample. */
    public void gauge(String name, String help, double number) {
        type(name, "gauge", help);
        sample(name, null, null, number);
    }
}
