// placeholder: the knowledge base is being written; see ARCHITECTURE.md
export type TierId = 'infrastructure' | 'container' | 'abstracted';
