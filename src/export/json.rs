//! Cytoscape.js elements JSON, with the layout's positions.

use super::{Network, round1};
use serde::Serialize;
use std::io::Write;

/// The file: `data` about it and Cytoscape.js's `elements`.
#[derive(Serialize)]
struct Doc<'a> {
    data: DocData,
    elements: Elements<'a>,
}
#[derive(Serialize)]
struct DocData {
    generator: &'static str,
    format: &'static str,
    summary: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    selection: String,
}
#[derive(Serialize)]
struct Elements<'a> {
    nodes: Vec<CyNode<'a>>,
    edges: Vec<CyEdge<'a>>,
}
#[derive(Serialize)]
struct CyNode<'a> {
    data: NodeData<'a>,
    position: Pos,
}
#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label_zh: Option<&'a str>,
    #[serde(rename = "type")]
    kind: &'static str,
    roles: &'a [String],
    roles_zh: &'a [String],
    degree: usize,
    size: f64,
    iri: &'a str,
}
#[derive(Serialize)]
struct Pos {
    x: f64,
    y: f64,
}
#[derive(Serialize)]
struct CyEdge<'a> {
    data: EdgeData<'a>,
}
#[derive(Serialize)]
struct EdgeData<'a> {
    id: String,
    source: &'a str,
    target: &'a str,
    relation: &'static str,
    weight: usize,
    dates: Vec<&'a str>,
    meetings: Vec<&'a str>,
    reports: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

impl Network {
    pub(super) fn write_json(&self, w: &mut dyn Write) -> std::io::Result<()> {
        let d = self.drawing(false);
        let degrees = self.degrees();
        let nodes = self
            .nodes()
            .enumerate()
            .map(|(i, n)| CyNode {
                data: NodeData {
                    id: &n.id,
                    label: &n.label,
                    label_zh: n.label_zh.as_deref(),
                    kind: n.kind.as_str(),
                    roles: &n.roles,
                    roles_zh: &n.roles_zh,
                    degree: degrees[i],
                    size: round1(d.radius[i] * 2.0),
                    iri: &n.iri,
                },
                position: Pos { x: round1(d.pos[i].x), y: round1(d.pos[i].y) },
            })
            .collect();
        let edges = self
            .edges()
            .map(|(i, a, b, l)| CyEdge {
                data: EdgeData {
                    id: format!("e{i}"),
                    source: &a.id,
                    target: &b.id,
                    relation: l.relation().as_str(),
                    weight: l.weight(),
                    dates: l.dates.iter().map(String::as_str).collect(),
                    meetings: l.meetings.iter().map(String::as_str).collect(),
                    reports: l.reports,
                    url: l.url.as_deref(),
                },
            })
            .collect();
        let doc = Doc {
            data: DocData {
                generator: "summit",
                format: "Cytoscape.js elements JSON: cytoscape({ elements: doc.elements, layout: { name: 'preset' } }) or cy.json(doc)",
                summary: self.summary(),
                selection: self.caption.clone(),
            },
            elements: Elements { nodes, edges },
        };
        serde_json::to_writer_pretty(&mut *w, &doc).map_err(std::io::Error::other)?;
        writeln!(w)
    }
}
