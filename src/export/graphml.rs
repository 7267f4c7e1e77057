//! GraphML: the network for networkx, Gephi, yEd and Cytoscape desktop (keys per
//! `../shared/CONTRACT.md`: `label`, `label_zh`, `type` on nodes, `weight`, `dates` on edges).

use super::{Network, xml_attr, xml_text};
use std::io::Write;

impl Network {
    pub(super) fn write_graphml(&self, w: &mut dyn Write) -> std::io::Result<()> {
        writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            w,
            r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
        )?;
        let mut desc = "summit: who met whom. Nodes are people (and places and organizations); an edge joins two people who met, weighted by their distinct meetings (planned ones left out).".to_string();
        if !self.caption.is_empty() {
            desc = format!("{desc} Selection: {}.", self.caption);
        }
        writeln!(w, "  <desc>{}</desc>", xml_text(&desc))?;
        for (id, domain, ty) in [
            ("label", "node", "string"),
            ("label_zh", "node", "string"),
            ("type", "node", "string"),
            ("roles", "node", "string"),
            ("roles_zh", "node", "string"),
            ("iri", "node", "string"),
            ("weight", "edge", "int"),
            ("dates", "edge", "string"),
            ("relation", "edge", "string"),
            ("meetings", "edge", "string"),
            ("reports", "edge", "int"),
            ("url", "edge", "string"),
        ] {
            writeln!(w, r#"  <key id="{id}" for="{domain}" attr.name="{id}" attr.type="{ty}"/>"#)?;
        }
        writeln!(w, r#"  <graph id="who-met-whom" edgedefault="undirected">"#)?;
        for n in self.nodes() {
            writeln!(w, r#"    <node id="{}">"#, xml_attr(&n.id))?;
            let mut data = |key: &str, value: &str| writeln!(w, r#"      <data key="{key}">{}</data>"#, xml_text(value));
            data("label", &n.label)?;
            n.attributes(data)?;
            writeln!(w, "    </node>")?;
        }
        for (_, a, b, l) in self.edges() {
            writeln!(w, r#"    <edge source="{}" target="{}">"#, xml_attr(&a.id), xml_attr(&b.id))?;
            writeln!(w, r#"      <data key="weight">{}</data>"#, l.weight())?;
            l.attributes(|key, value| writeln!(w, r#"      <data key="{key}">{}</data>"#, xml_text(value)))?;
            writeln!(w, "    </edge>")?;
        }
        writeln!(w, "  </graph>")?;
        writeln!(w, "</graphml>")
    }
}
